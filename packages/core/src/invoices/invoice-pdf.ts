// pdfkit (and its font metrics) is loaded with the first invoice PDF, not with the app.
const importPdfkit = () => import('pdfkit');
let pdfkitModule: ReturnType<typeof importPdfkit> | null = null;
function loadPdfkit(): ReturnType<typeof importPdfkit> {
  pdfkitModule ??= importPdfkit();
  return pdfkitModule;
}
import { formatMoney } from '../pricing/format.js';
import type { InvoiceData, InvoiceParty, InvoiceRow } from './invoice-data.js';

// The code points WinAnsiEncoding has beyond Latin-1: the built-in Helvetica draws these and no others.
const winAnsiExtras = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const notWinAnsi = new RegExp(`[^\\n\\x20-\\x7E\\xA0-\\xFF${winAnsiExtras}]\\p{M}*`, 'gu');

/**
 * Text as the built-in Helvetica can draw it: the rupee sign written "Rs. " (Helvetica has no
 * ₹), anything else outside WinAnsi (Devanagari, emoji...) as '?', one per character with its
 * combining marks. Embedding a Unicode font would lift this, at some hundreds of kB per PDF.
 */
export function pdfText(text: string): string {
  return text.normalize('NFC').replace(/₹\s?/g, 'Rs. ').replace(notWinAnsi, '?');
}

/** "Rs. 1,299.00" (other currencies as formatMoney writes them, made drawable). */
export function pdfMoney(minor: number, currency: string): string {
  return pdfText(formatMoney(minor, currency));
}

/** The figure alone, "1,299.00", for table cells under an "Amounts in Rs." heading. */
function figure(minor: number, currency: string): string {
  return formatMoney(minor, currency).replace(/[^\d.,-]/g, '');
}

function currencyName(currency: string): string {
  return currency.toUpperCase() === 'INR' ? 'Rs.' : currency.toUpperCase();
}

const paymentLabels: Record<InvoiceData['paymentMethod'], string> = { cod: 'Cash on delivery', upi: 'UPI' };

const page = { size: 'A4', margin: 36 } as const;
const a4Width = 595.28;
const a4Height = 841.89;
const contentWidth = a4Width - 2 * page.margin;
const bottom = a4Height - page.margin;

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
  cell: (row: InvoiceRow, index: number) => string;
}

/** The table's columns for this invoice: the item column takes the width the others leave. */
function columns(data: InvoiceData): Column[] {
  const money = (pick: (r: InvoiceRow) => number) => (r: InvoiceRow) => figure(pick(r), data.currency);
  const cols: Column[] = [
    { title: '#', width: 16, align: 'left', cell: (_r, i) => String(i + 1) },
    { title: 'Item', width: 0, align: 'left', cell: (r) => r.description },
  ];
  if (data.supply !== 'none') cols.push({ title: 'HSN', width: 42, align: 'left', cell: (r) => r.hsnCode ?? '' });
  cols.push({ title: 'Qty', width: 26, align: 'right', cell: (r) => String(r.quantity) }, { title: 'Rate', width: 54, align: 'right', cell: money((r) => r.unitPrice) });
  if (data.discount > 0) cols.push({ title: 'Discount', width: 46, align: 'right', cell: (r) => (r.discount > 0 ? figure(-r.discount, data.currency) : '') });
  if (data.supply !== 'none') {
    cols.push({ title: 'Taxable', width: 56, align: 'right', cell: money((r) => r.taxableValue) }, { title: 'GST%', width: 30, align: 'right', cell: (r) => `${r.taxRate}` });
    if (data.supply === 'intra') cols.push({ title: 'CGST', width: 48, align: 'right', cell: money((r) => r.cgst) }, { title: 'SGST', width: 48, align: 'right', cell: money((r) => r.sgst) });
    else cols.push({ title: 'IGST', width: 54, align: 'right', cell: money((r) => r.igst) });
  }
  cols.push({ title: 'Amount', width: 60, align: 'right', cell: money((r) => r.amount) });
  const fixed = cols.reduce((sum, c) => sum + c.width, 0);
  const item = cols[1];
  if (item) item.width = contentWidth - fixed;
  return cols;
}

/** Draws one party's block at (x, y) in `width`; returns the y below it. */
function party(doc: PDFKit.PDFDocument, heading: string, p: InvoiceParty, x: number, y: number, width: number): number {
  doc.font('Helvetica').fontSize(8).fillColor('#555555').text(heading, x, y, { width });
  doc.font('Helvetica-Bold').fontSize(10).fillColor('#000000').text(pdfText(p.name), x, doc.y + 2, { width });
  const lines = [...p.addressLines];
  if (p.phone) lines.push(`Phone: ${p.phone}`);
  if (p.email) lines.push(`Email: ${p.email}`);
  if (p.gstin) lines.push(`GSTIN: ${p.gstin}`);
  if (p.state) lines.push(`State: ${p.state}`);
  doc.font('Helvetica').fontSize(9);
  for (const line of lines) doc.text(pdfText(line), x, doc.y + 1, { width });
  return doc.y;
}

function header(doc: PDFKit.PDFDocument, data: InvoiceData): number {
  const top = page.margin;
  doc.font('Helvetica-Bold').fontSize(18).text(data.title, page.margin, top, { width: contentWidth / 2 });
  const right = { width: contentWidth / 2, align: 'right' as const };
  const x = page.margin + contentWidth / 2;
  doc.font('Helvetica-Bold').fontSize(10).text(`Invoice no. ${data.number}`, x, top, right);
  doc.font('Helvetica').fontSize(9).text(`Date: ${data.issuedOn}`, x, doc.y + 2, right);
  doc.text(`Order #${data.orderNumber} of ${data.orderedOn}`, x, doc.y + 1, right);
  const below = Math.max(doc.y, top + 24) + 14;
  const half = contentWidth / 2 - 10;
  const sellerEnd = party(doc, 'Sold by', data.seller, page.margin, below, half);
  const buyerEnd = party(doc, data.deliveryMethod === 'pickup' ? 'Bill to (collects from the store)' : 'Bill to / Ship to', data.buyer, page.margin + contentWidth / 2 + 10, below, half);
  let y = Math.max(sellerEnd, buyerEnd) + 10;
  const facts = [
    `Place of supply: ${data.placeOfSupply ?? '-'}`,
    ...(data.supply !== 'none' ? ['Tax payable on reverse charge: No'] : []),
    `Payment: ${paymentLabels[data.paymentMethod]}`,
  ];
  doc.font('Helvetica').fontSize(9).text(pdfText(facts.join('   |   ')), page.margin, y, { width: contentWidth });
  y = doc.y + 10;
  return y;
}

const cellPadding = 3;

function rowHeight(doc: PDFKit.PDFDocument, cols: Column[], cells: string[]): number {
  let height = 0;
  cols.forEach((c, i) => {
    height = Math.max(height, doc.heightOfString(cells[i] ?? '', { width: c.width - 2 * cellPadding }));
  });
  return height + 2 * cellPadding;
}

function drawRow(doc: PDFKit.PDFDocument, cols: Column[], cells: string[], y: number, height: number, bold: boolean): void {
  let x = page.margin;
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
  cols.forEach((c, i) => {
    doc.text(cells[i] ?? '', x + cellPadding, y + cellPadding, { width: c.width - 2 * cellPadding, align: c.align });
    x += c.width;
  });
  doc.moveTo(page.margin, y + height).lineTo(page.margin + contentWidth, y + height).lineWidth(0.5).strokeColor('#999999').stroke();
}

/** The lines and charges, a new page (with the column titles again) when one is full; returns the y below. */
function table(doc: PDFKit.PDFDocument, data: InvoiceData, startY: number): number {
  const cols = columns(data);
  const titles = cols.map((c) => c.title);
  doc.font('Helvetica').fontSize(8).fillColor('#555555').text(`Amounts in ${currencyName(data.currency)}`, page.margin, startY, { width: contentWidth, align: 'right' });
  doc.fillColor('#000000');
  let y = doc.y + 2;
  const titleRow = () => {
    doc.moveTo(page.margin, y).lineTo(page.margin + contentWidth, y).lineWidth(0.5).strokeColor('#999999').stroke();
    doc.font('Helvetica-Bold').fontSize(8);
    const h = rowHeight(doc, cols, titles);
    drawRow(doc, cols, titles, y, h, true);
    y += h;
  };
  titleRow();
  [...data.lines, ...data.charges].forEach((row, index) => {
    const cells = cols.map((c) => pdfText(c.cell(row, index)));
    doc.font('Helvetica').fontSize(8);
    const h = rowHeight(doc, cols, cells);
    if (y + h > bottom) {
      doc.addPage();
      y = page.margin;
      titleRow();
    }
    drawRow(doc, cols, cells, y, h, false);
    y += h;
  });
  return y + 10;
}

/** The totals that add up to the grand total, then the tax summary, words and notes. */
function totals(doc: PDFKit.PDFDocument, data: InvoiceData, startY: number): void {
  const money = (minor: number) => pdfMoney(minor, data.currency);
  const rows: Array<[string, string, boolean]> = [[`Items`, money(data.itemsSubtotal), false]];
  if (data.discount > 0) rows.push([data.couponCode ? `Discount (coupon ${data.couponCode})` : 'Discount', money(-data.discount), false]);
  for (const c of data.charges) rows.push([c.description, money(c.gross), false]);
  if (data.supply !== 'none' && !data.pricesIncludeTax) rows.push(['GST added', money(data.taxTotal), false]);
  rows.push(['Grand total', money(data.total), true]);
  const labelWidth = 170;
  const valueWidth = 100;
  const x = page.margin + contentWidth - labelWidth - valueWidth;
  let y = startY;
  if (y + rows.length * 14 + 90 > bottom) {
    doc.addPage();
    y = page.margin;
  }
  for (const [label, value, bold] of rows) {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 11 : 9);
    doc.text(pdfText(label), x, y, { width: labelWidth });
    doc.text(value, x + labelWidth, y, { width: valueWidth, align: 'right' });
    y = doc.y + 3;
  }
  doc.font('Helvetica').fontSize(9);
  const left = { width: contentWidth };
  y += 6;
  if (data.supply !== 'none') {
    const split = data.supply === 'intra' ? `CGST ${money(data.cgst)}, SGST ${money(data.sgst)}` : `IGST ${money(data.igst)}`;
    doc.text(`Taxable value ${money(data.taxableValue)}; ${split}; total GST ${money(data.taxTotal)}.`, page.margin, y, left);
    doc.text(`${data.taxNote ?? ''}.`, page.margin, doc.y + 2, left);
  }
  doc.font('Helvetica-Bold').text(pdfText(`Total in words: ${data.totalInWords}`), page.margin, doc.y + 6, left);
  doc.font('Helvetica').fontSize(8).fillColor('#555555');
  if (data.buyerErased) doc.text("The customer's personal details were erased; the figures are kept for tax records.", page.margin, doc.y + 10, left);
  doc.text('This is a computer-generated invoice and needs no signature.', page.margin, doc.y + 10, left);
  doc.fillColor('#000000');
}

/**
 * The invoice as an A4 PDF, with pdfkit's built-in Helvetica (nothing embedded: a few kB).
 * Its dates are the invoice's, so the same invoice gives the same bytes every time.
 */
export async function invoicePdf(data: InvoiceData): Promise<Buffer> {
  const { default: PDFDocument } = await loadPdfkit();
  const issued = new Date(data.issuedAt);
  const doc = new PDFDocument({
    size: page.size,
    margin: page.margin,
    pdfVersion: '1.4',
    lang: 'en-IN',
    displayTitle: true,
    info: {
      Title: pdfText(`${data.title} ${data.number}`),
      Author: pdfText(data.seller.name),
      Subject: `Order #${data.orderNumber}`,
      Creator: 'dukaan-kit',
      Producer: 'dukaan-kit',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const y = header(doc, data);
  totals(doc, data, table(doc, data, y));
  doc.end();
  return done;
}
