import { productCsvColumns, type ProductCsvColumn } from './product-csv-columns.js';
import { productCsvText } from './write-product-csv.js';

type ExampleRow = Partial<Record<ProductCsvColumn, string>>;

/**
 * Two example products a vendor overwrites: a simple one (one row) and one with an option (one
 * row per variant, the product's fields on the first row only). It imports as it is.
 */
const examples: ExampleRow[] = [
  { handle: 'masala-chai', name: 'Masala chai', description: 'Assam tea with cardamom and ginger', category: 'Tea', visible: 'true', price: '120.00', mrp: '150.00', stock: '25', sku: 'CHAI-250', 'variant available': 'true' },
  { handle: 'kaju-katli', name: 'Kaju katli', description: 'Cashew fudge made fresh every morning', category: 'Sweets', visible: 'true', 'option1 name': 'Weight', 'option1 value': '250 g', price: '249.00', stock: '10', sku: 'KAJU-250', 'variant available': 'true' },
  { handle: 'kaju-katli', 'option1 value': '500 g', price: '479.00', mrp: '520.00', stock: '6', sku: 'KAJU-500', 'variant available': 'true' },
  { handle: 'kaju-katli', 'option1 value': '1 kg', price: '929.00', stock: '', sku: 'KAJU-1000', 'variant available': 'false' },
];

/** The template file offered for download: the header and the examples, as an export writes them. */
export function productCsvTemplate(): Promise<string> {
  return productCsvText(examples.map((row) => productCsvColumns.map((column) => row[column] ?? '')));
}
