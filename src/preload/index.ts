import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildNamedMethods, type Bridge } from '../shared/api/bridge';
import type { ApiResult } from '../shared/api/envelope';
import type { EngineEvent } from '../shared/api/events';

/** Named methods only (`stagecoach.methods.deals.list`), never ipcRenderer or a generic invoke. */
const bridge: Bridge = {
  methods: buildNamedMethods(
    (method, input) => ipcRenderer.invoke(method, input) as Promise<ApiResult<unknown>>,
  ),
  onEvent(listener) {
    const relay = (_event: unknown, payload: EngineEvent): void => listener(payload);
    ipcRenderer.on('engine:event', relay);
    return () => {
      ipcRenderer.removeListener('engine:event', relay);
    };
  },
  pathForFile: (file) => webUtils.getPathForFile(file as File),
};

contextBridge.exposeInMainWorld('stagecoach', bridge);
