import { contextBridge, ipcRenderer, webUtils } from 'electron';
import {
  buildNamedMethods,
  type Bridge,
  type PdfExportOutcome,
  type PdfProgress,
} from '../shared/api/bridge';
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
  pdf: {
    export: (request) => ipcRenderer.invoke('pdf:export', request) as Promise<ApiResult<PdfExportOutcome>>,
    cancel: () => ipcRenderer.invoke('pdf:cancel') as Promise<void>,
    onProgress(listener) {
      const relay = (_event: unknown, progress: PdfProgress): void => listener(progress);
      ipcRenderer.on('pdf:progress', relay);
      return () => {
        ipcRenderer.removeListener('pdf:progress', relay);
      };
    },
  },
};

contextBridge.exposeInMainWorld('stagecoach', bridge);
