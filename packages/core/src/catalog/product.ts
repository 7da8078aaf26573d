/** One resized copy of an image, in both formats every browser can show. */
export interface ImageRendition {
  width: number;
  height: number;
  webpUrl: string;
  jpegUrl: string;
}

/**
 * An uploaded product image. Images stored since resizing (sharp) carry their renditions and
 * size; images uploaded before carry only the original file (`renditions` empty, size null).
 */
export interface ProductImage {
  /** Names the image: the key of its largest JPEG (or of the original file, for older images). */
  key: string;
  /** Where its largest JPEG (or original) is served. */
  url: string;
  /** Pixel size of `url`; null for images stored before resizing. */
  width: number | null;
  height: number | null;
  /** Smallest first; empty for images stored before resizing. */
  renditions: ImageRendition[];
  /** Every file the ImageStore holds for this image (deleted with it); `[key]` for older images. */
  fileKeys: string[];
}

/** A choice a customer makes, e.g. `{ name: 'Weight', values: ['250 g', '500 g', '1 kg'] }`. */
export interface ProductOption {
  name: string;
  values: string[];
}

/** Option name to chosen value, e.g. `{ Weight: '500 g' }`; `{}` for the default variant. */
export type VariantOptions = Record<string, string>;

/**
 * What is actually sold: one combination of option values with its own price, stock and SKU.
 * A product without options has exactly one variant (the default), with `options` `{}`.
 */
export interface ProductVariant {
  id: string;
  options: VariantOptions;
  /** Minor units. */
  price: number;
  /** The MRP shown struck through, minor units; null when there is none. */
  compareAtPrice: number | null;
  /** Units on hand; null when stock is not tracked (always available). */
  stock: number | null;
  /** Unique within the store (across all variants) when given. */
  sku: string | null;
  /** A switched-off variant cannot be bought; its combination shows as unavailable. */
  active: boolean;
  /** The key of one of the product's images shown for this variant; null: the product's cover. */
  imageKey: string | null;
  /** Order among the product's variants, ascending. */
  position: number;
}

export interface Product {
  id: string;
  storeId: string;
  name: string;
  /** The readable link part (`/{store}/p/{slug}`), unique within the store. */
  slug: string;
  description: string;
  /** Up to three; empty for a simple product. */
  options: ProductOption[];
  /** At least one; a product without options has one, the default. */
  variants: ProductVariant[];
  /**
   * Summary of the variants, so simple-product clients keep working: for a product without
   * options, the default variant's fields; with options, the lowest price among the active
   * variants (and that variant's MRP), the summed stock of the active variants (null when any of
   * them does not track stock) and no SKU.
   */
  price: number;
  compareAtPrice: number | null;
  stock: number | null;
  sku: string | null;
  categoryId: string | null;
  /** GST rate (percent, one of `gstRates`) of every variant; null: the store's default rate. */
  taxRate: number | null;
  /** HSN code of the goods (4, 6 or 8 digits) printed on tax invoices; null: none given. */
  hsnCode: string | null;
  /** Hidden products stay in the dashboard but not in the store. */
  active: boolean;
  /** Order within the store page, ascending. */
  position: number;
  images: ProductImage[];
  createdAt: string;
  updatedAt: string;
}

/** One line of stock to take or give back: a variant and a quantity. */
export interface StockLine {
  variantId: string;
  quantity: number;
}
