import { apiMethodNames } from '@shared/api/methods';
import { fail } from '@shared/api/envelope';
import type { EngineHost } from './engine/host';

/** The part of Electron's ipcMain that registration needs, so it can be tested without Electron. */
export type IpcMainLike = {
  handle(
    channel: string,
    listener: (event: { senderFrame: { url: string } | null }, input: unknown) => unknown,
  ): void;
};

/**
 * Registers one IPC handler per API method. A call from any frame other than the app's own
 * page is refused before it reaches the engine.
 */
export function registerIpcApi(
  ipc: IpcMainLike,
  host: Pick<EngineHost, 'call'>,
  isTrustedSender: (frameUrl: string) => boolean,
): void {
  for (const method of apiMethodNames) {
    ipc.handle(method, (event, input) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedSender(url)) return fail('internal', `Refused ${method} from an untrusted frame.`);
      return host.call(method, input);
    });
  }
}
