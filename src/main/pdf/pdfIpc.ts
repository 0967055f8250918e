import { BrowserWindow, type IpcMain } from 'electron';
import { fail } from '@shared/api/envelope';
import type { PdfExporter } from './pdfExport';

/** The IPC channels of the desktop-only PDF export; progress goes back to the asking window. */
export const pdfChannels = { export: 'pdf:export', cancel: 'pdf:cancel', progress: 'pdf:progress' } as const;

/**
 * Registers the PDF channels. Like every API call, a request from a frame that is not the app's
 * own page is refused.
 */
export function registerPdfIpc(
  ipc: Pick<IpcMain, 'handle'>,
  exporter: PdfExporter,
  isTrustedSender: (frameUrl: string) => boolean,
): void {
  ipc.handle(pdfChannels.export, (event, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url ?? ''))
      return fail('internal', 'Refused a PDF export from an untrusted frame.');
    const sender = event.sender;
    return exporter.run(input, BrowserWindow.fromWebContents(sender), (progress) => {
      if (!sender.isDestroyed()) sender.send(pdfChannels.progress, progress);
    });
  });
  ipc.handle(pdfChannels.cancel, (event) => {
    if (isTrustedSender(event.senderFrame?.url ?? '')) exporter.cancel();
  });
}
