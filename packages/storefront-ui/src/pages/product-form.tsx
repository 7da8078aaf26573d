import { CheckboxField, ErrorSummary, Field, PostForm, SelectField, TextArea } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { currencyExponent, moneyInputValue } from '../money.js';
import type { CategoryView, FieldErrors, PageContext, ProductView } from '../types.js';

/** The product form's fields as typed (money in major units, e.g. "499.50"). */
export interface ProductFormValues {
  name: string;
  description: string;
  price: string;
  compareAtPrice: string;
  stock: string;
  sku: string;
  categoryId: string;
  active: boolean;
}

/** Props of the 'product-form' page (`/dashboard/products/new` and `/dashboard/products/{id}`). */
export interface ProductFormPageProps {
  ctx: PageContext;
  currency: string;
  /** null for a new product. */
  product: ProductView | null;
  categories: CategoryView[];
  /** What was typed, after a failed save; wins over `product`. */
  values?: Partial<ProductFormValues>;
  /** Field -> message (name, description, price, compareAtPrice, stock, sku, categoryId, file). */
  errors?: FieldErrors;
}

const labels: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  price: 'Price',
  compareAtPrice: 'MRP (compare-at price)',
  stock: 'Stock',
  sku: 'SKU',
  categoryId: 'Category',
  file: 'Add a picture',
};

function initialValues(product: ProductView | null, currency: string, values: Partial<ProductFormValues>): ProductFormValues {
  return {
    name: product?.name ?? '',
    description: product?.description ?? '',
    price: moneyInputValue(product?.price, currency),
    compareAtPrice: moneyInputValue(product?.compareAtPrice, currency),
    stock: product?.stock === null || product?.stock === undefined ? '' : String(product.stock),
    sku: product?.sku ?? '',
    categoryId: product?.categoryId ?? '',
    active: product?.active ?? true,
    ...values,
  };
}

/** Current pictures, each with its own remove form (forms cannot nest, so this sits outside the main form). */
function Pictures({ ctx, product }: { ctx: PageContext; product: ProductView }) {
  if (product.images.length === 0) return null;
  return (
    <section class="panel">
      <h2>Pictures</h2>
      <ul class="pictures">
        {product.images.map((img, i) => (
          <li>
            <img src={img.url} alt={`${product.name}, picture ${i + 1}`} width={120} height={120} loading="lazy" />
            <PostForm ctx={ctx} action={`/dashboard/products/${encodeURIComponent(product.id)}/images/delete`}>
              <input type="hidden" name="key" value={img.key} />
              <button type="submit" class="btn btn-small btn-danger-outline">
                Remove<span class="sr-only"> picture {i + 1}</span>
              </button>
            </PostForm>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Deleting needs a ticked "Yes, delete" box: a confirmation that works without JavaScript. */
function DeleteProduct({ ctx, product }: { ctx: PageContext; product: ProductView }) {
  return (
    <section class="panel danger-zone">
      <h2>Delete product</h2>
      <p>Past orders keep their copy of the name and price. This cannot be undone.</p>
      <PostForm ctx={ctx} action={`/dashboard/products/${encodeURIComponent(product.id)}/delete`}>
        <CheckboxField form="delete" name="confirm" value="yes" label={`Yes, delete “${product.name}”`} checked={false} required />
        <button type="submit" class="btn btn-danger">
          Delete product
        </button>
      </PostForm>
    </section>
  );
}

/** Create or edit a product; multipart so a picture can come along. */
export function ProductFormPage({ ctx, currency, product, categories, values = {}, errors = {} }: ProductFormPageProps) {
  const v = initialValues(product, currency, values);
  const f = 'product';
  // Text, not type=number: vendors type "1,299.50" or "₹499", which parseMoney accepts.
  const money = { inputMode: (currencyExponent(currency) === 0 ? 'numeric' : 'decimal') as 'numeric' | 'decimal' };
  const action = product ? `/dashboard/products/${encodeURIComponent(product.id)}` : '/dashboard/products';
  return (
    <DashboardLayout ctx={ctx} title={product ? `Edit ${product.name}` : 'Add product'} section="products">
      <ErrorSummary form={f} errors={errors} labels={labels} />
      <PostForm ctx={ctx} action={action} multipart class="panel form-grid">
        <Field form={f} name="name" label="Name" value={v.name} error={errors['name']} required maxLength={120} class="span-2" />
        <TextArea form={f} name="description" label="Description" value={v.description} error={errors['description']} optional rows={4} class="span-2" />
        <Field form={f} name="price" label={`Price (${currency})`} value={v.price} error={errors['price']} required {...money} hint="e.g. 499 or 499.50" />
        <Field form={f} name="compareAtPrice" label={`MRP (${currency})`} value={v.compareAtPrice} error={errors['compareAtPrice']} optional {...money} hint="Shown struck through when higher than the price" />
        <Field form={f} name="stock" label="Stock" type="number" min={0} step={1} value={v.stock} error={errors['stock']} optional hint="Leave empty if you don't count stock" />
        <Field form={f} name="sku" label="SKU" value={v.sku} error={errors['sku']} optional maxLength={64} />
        <SelectField form={f} name="categoryId" label="Category" value={v.categoryId} error={errors['categoryId']} options={[['', 'No category'], ...categories.map((c): [string, string] => [c.id, c.name])]} />
        <Field form={f} name="file" label={labels['file'] ?? 'Add a picture'} type="file" accept="image/jpeg,image/png,image/webp" error={errors['file']} optional hint="JPEG, PNG or WebP, up to 5 MB" />
        <CheckboxField form={f} name="active" label="Show in store" checked={v.active} hint="Untick to hide it from customers" />
        <div class="form-actions span-2">
          <button type="submit" class="btn btn-primary">
            {product ? 'Save changes' : 'Add product'}
          </button>
        </div>
      </PostForm>
      {product && <Pictures ctx={ctx} product={product} />}
      {product && <DeleteProduct ctx={ctx} product={product} />}
    </DashboardLayout>
  );
}
