/** An uploaded product image: `key` names it in the ImageStore, `url` is where it is served. */
export interface ProductImage {
  key: string;
  url: string;
}

export interface Product {
  id: string;
  storeId: string;
  name: string;
  description: string;
  /** Minor units. */
  price: number;
  /** The MRP shown struck through, minor units; null when there is none. */
  compareAtPrice: number | null;
  /** Units on hand; null when stock is not tracked (always available). */
  stock: number | null;
  /** Unique within the store when given. */
  sku: string | null;
  categoryId: string | null;
  /** Hidden products stay in the dashboard but not in the store. */
  active: boolean;
  /** Order within the store page, ascending. */
  position: number;
  images: ProductImage[];
  createdAt: string;
  updatedAt: string;
}

/** One line of stock to take or give back. */
export interface StockLine {
  productId: string;
  quantity: number;
}
