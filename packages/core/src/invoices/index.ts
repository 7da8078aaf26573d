// Tax invoices of accepted orders (numbering is the order repository's assignInvoice): the
// data every format prints, and the PDF.
export { invoiceData, requireInvoice, invoiceDate, noInvoiceYet, erasedBuyerName } from './invoice-data.js';
export type { InvoiceData, InvoiceParty, InvoiceRow, InvoiceRowKind } from './invoice-data.js';
export { invoicePdf, pdfText, pdfMoney } from './invoice-pdf.js';
