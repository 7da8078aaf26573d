/** What README.txt says about the export: every file, and how its values are written. */
export function exportReadme({ storeName, generatedAt }: { storeName: string; generatedAt: string }): string {
  return `Your data from ${storeName}
Exported ${generatedAt} (UTC).

This archive holds everything your store account keeps about you, your store, your catalogue
and your orders. The JSON files are complete and exact; the CSV files are the same data laid out
for spreadsheets.

README.txt       This file.
account.json     Your account: id, sign-in email address, when the account was created and
                 your language ("locale": en English, hi Hindi).
store.json       Your store's settings: name, web address (slug), contact details, currency,
                 delivery fee, minimum order, open or closed. "logoFile" names the logo in
                 images/ when you uploaded one.
categories.json  Your product categories.
products.json    Every product, hidden ones too, newest first. Each image lists its web address
                 ("url"), its copy in this archive ("file": the largest JPEG) and the copies
                 of every size and format the store shows ("files").
products.csv     One row per product, in the same order.
orders.json      Every order with its customer, lines, totals and status history, newest first.
orders.csv       One row per order line, in the same order: an order with three different items
                 takes three rows, and its number, customer and totals repeat on each of them.
images/          Your product photos and your logo. Photos uploaded since the store began
                 resizing them come in each stored width, as WebP and JPEG, without the
                 camera's hidden data (location, device); older ones and the logo as
                 uploaded. An image that could no longer be read is left out, and its "file"
                 is null.

How values are written
- The archive is written while it downloads, and holds the products and orders that existed
  when the download started: later ones are left out of every file. Download again for a later
  copy.
- Amounts in the JSON files are whole numbers of the currency's smallest unit: 49950 is
  Rs 499.50 in INR. In the CSV files they are written in the main unit: 499.50.
- Times are ISO 8601 in UTC, e.g. 2025-05-03T14:05:09.123Z.
- The CSV files are UTF-8 with a byte order mark, so spreadsheet programs read every script.
  Text that begins with = + - or @ gets a leading apostrophe there, so a spreadsheet never runs
  a customer's text as a formula; the JSON files hold the exact text.
- Left out on purpose: your password (only a one-way hash is kept, and it is not exported) and
  the secret codes in customers' order tracking links.

Keep this file safe: it holds your customers' names, phone numbers and addresses.
`;
}
