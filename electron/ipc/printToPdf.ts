import { printToPdfRequestSchema, type SaveResult } from '../../shared/bridge';
import { saveThroughDialog, type SaveDeps } from './saveFlow';
import { isTrustedSender } from './senderCheck';
import type { BridgeInvokeEvent, PdfPrinter, TrustedFrameSource } from './types';

export interface PrintToPdfDeps extends SaveDeps {
  trustedFrame: TrustedFrameSource;
  /** Our window's webContents: the page that asked is the page printed. */
  printer: PdfPrinter;
}

/*
 * Chromium's header/footer templates are tiny by default and inherit nothing from the page. The
 * footer is only numbers and a slash, so it needs no translation and reads the same in RTL Uyghur
 * and in Chinese. The header is an explicit empty element: leaving it out makes Chromium print the
 * date and page title there.
 */
const EMPTY_HEADER = '<span></span>';
const PAGE_NUMBER_FOOTER =
  '<div style="width:100%;font-size:9px;text-align:center;color:#555;">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/**
 * bridge.printToPdf: prints what the window shows now (the renderer's print stylesheet applies) and
 * saves it through the same dialog and atomic write as saveFile. Printing comes first, so a print
 * failure does not make the person choose a file name for nothing.
 */
export function createPrintToPdfHandler(deps: PrintToPdfDeps) {
  return async (event: BridgeInvokeEvent, rawRequest: unknown): Promise<SaveResult> => {
    if (!isTrustedSender(event, deps.trustedFrame)) return { status: 'error', reason: 'forbidden-sender' };
    const parsed = printToPdfRequestSchema.safeParse(rawRequest);
    if (!parsed.success) return { status: 'error', reason: 'invalid-request' };
    const { suggestedName, landscape, pageSize } = parsed.data;

    let pdf: Uint8Array;
    try {
      pdf = await deps.printer.printToPDF({
        printBackground: true,
        landscape: landscape ?? false,
        // Chinese and Uyghur offices print on A4; Chromium's own default would be US Letter.
        pageSize: pageSize ?? 'A4',
        displayHeaderFooter: true,
        headerTemplate: EMPTY_HEADER,
        footerTemplate: PAGE_NUMBER_FOOTER,
      });
    } catch {
      return { status: 'error', reason: 'print-failed' };
    }
    return saveThroughDialog(deps, {
      suggestedName,
      data: pdf,
      filters: [{ nameKey: 'pdf', extensions: ['pdf'] }],
    });
  };
}
