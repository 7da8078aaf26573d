export interface Category {
  id: string;
  storeId: string;
  name: string;
  /** Ascending; ties broken by creation order. */
  position: number;
  createdAt: string;
  updatedAt: string;
}
