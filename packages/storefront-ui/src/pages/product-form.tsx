import type { InputHTMLAttributes } from 'preact';
import { gstRates } from '@dukaan-kit/core/pricing';
import { CheckboxField, ErrorSummary, Field, PostForm, SelectField, TextArea } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { currencyExponent, moneyInputValue } from '../money.js';
import { withBase } from '../url.js';
import type { CategoryView, FieldErrors, PageContext, ProductView } from '../types.js';

/** One option row as typed: its name and its values, comma-separated ("250 g, 500 g, 1 kg"). */
export interface OptionFormValues {
  name: string;
  values: string;
}

/** One variant row as typed; `options` holds its value of each option, in the options' order. */
export interface VariantFormValues {
  /** '' for a row the form made that is not saved yet. */
  id: string;
  options: string[];
  price: string;
  compareAtPrice: string;
  stock: string;
  sku: string;
  active: boolean;
  /** The key of the product's image shown for it; '' for the cover. */
  image: string;
}

/**
 * The product form's fields as typed (money in major units, e.g. "499.50"). A product without
 * options uses the top-level price, MRP, stock and SKU; one with options has a row per
 * combination in `variants` instead.
 */
export interface ProductFormValues {
  name: string;
  description: string;
  price: string;
  compareAtPrice: string;
  stock: string;
  sku: string;
  categoryId: string;
  active: boolean;
  options: OptionFormValues[];
  variants: VariantFormValues[];
  /** A rate from `gstRates` as text ("18"); '' for the store's default rate. */
  taxRate: string;
  /** 4, 6 or 8 digits as typed; '' for none. */
  hsnCode: string;
}

/** Props of the 'product-form' page (`/dashboard/products/new` and `/dashboard/products/{id}`). */
export interface ProductFormPageProps {
  ctx: PageContext;
  currency: string;
  /** null for a new product. */
  product: ProductView | null;
  categories: CategoryView[];
  /** What was typed, after a failed save or "Make variants"; wins over `product`. */
  values?: Partial<ProductFormValues>;
  /**
   * Field -> message (name, description, price, compareAtPrice, stock, sku, categoryId, images,
   * `options.<i>.name`, `options.<i>.values`, `variants.<i>.<field>`, form).
   */
  errors?: FieldErrors;
  /** Just saved: offer "View in store" and "Add another". */
  saved?: boolean;
  /** A note above the form (the variant rows were just made from the options). */
  notice?: string;
  /** The store's default GST rate (percent), named in the rate select's first choice. */
  defaultTaxRate?: number;
}

/** How many options a product may have (core's limit). */
export const optionSlots = 3;

const labels: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  price: 'Price',
  compareAtPrice: 'MRP',
  stock: 'Stock',
  sku: 'SKU',
  categoryId: 'Category',
  images: 'Pictures',
  file: 'Pictures',
  taxRate: 'GST rate',
  hsnCode: 'HSN code',
};

/** The rows of a saved product, as the form shows them. */
function variantRows(product: ProductView, currency: string): VariantFormValues[] {
  if (product.options.length === 0) return [];
  return product.variants.map((v) => ({
    id: v.id,
    options: product.options.map((o) => v.options[o.name] ?? ''),
    price: moneyInputValue(v.price, currency),
    compareAtPrice: moneyInputValue(v.compareAtPrice, currency),
    stock: v.stock === null ? '' : String(v.stock),
    sku: v.sku ?? '',
    active: v.active,
    image: v.imageKey ?? '',
  }));
}

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
    options: product?.options.map((o) => ({ name: o.name, values: o.values.join(', ') })) ?? [],
    variants: product ? variantRows(product, currency) : [],
    taxRate: product?.taxRate === null || product?.taxRate === undefined ? '' : String(product.taxRate),
    hsnCode: product?.hsnCode ?? '',
    ...values,
  };
}

/** The combination as people read it: "Size: M · Colour: Red". */
function comboText(names: string[], values: string[]): string {
  return values.map((value, i) => (names[i] ? `${names[i]}: ${value}` : value)).join(' · ');
}

/** Error summary labels for the option and variant fields, so each links to its control. */
function dynamicLabels(v: ProductFormValues): Record<string, string> {
  const out: Record<string, string> = { ...labels };
  for (let i = 0; i < optionSlots; i++) {
    out[`options.${i}.name`] = `Option ${i + 1} name`;
    out[`options.${i}.values`] = `Option ${i + 1} values`;
  }
  v.variants.forEach((_, i) => {
    for (const f of ['price', 'compareAtPrice', 'stock', 'sku', 'image']) out[`variants.${i}.${f}`] = f;
  });
  return out;
}

/** Up to three options, each a name and its values; "Make variants" turns them into rows (no JavaScript needed). */
function OptionsEditor({ values, errors }: { values: ProductFormValues; errors: FieldErrors }) {
  const rows = Array.from({ length: optionSlots }, (_, i) => values.options[i] ?? { name: '', values: '' });
  return (
    <fieldset class="span-2 options-editor" aria-describedby="product-options-hint">
      <legend>Options</legend>
      <p class="hint" id="product-options-hint">
        Sold in sizes, weights or colours? Name up to three options with their values, then press “Make variants”: you get one row per
        combination, each with its own price, stock and SKU. Leave empty for a product sold one way.
      </p>
      {errors['options'] && (
        <p class="field-error" id="product-options-error">
          {errors['options']}
        </p>
      )}
      {rows.map((row, i) => (
        <div class="option-row">
          <Field form="product" name={`options.${i}.name`} label={`Option ${i + 1} name`} value={row.name} error={errors[`options.${i}.name`]} optional maxLength={40} placeholder={i === 0 ? 'e.g. Size' : undefined} />
          <Field
            form="product"
            name={`options.${i}.values`}
            label={`Option ${i + 1} values`}
            value={row.values}
            error={errors[`options.${i}.values`]}
            optional
            maxLength={1500}
            placeholder={i === 0 ? 'e.g. S, M, L' : undefined}
            hint="Separated by commas"
          />
        </div>
      ))}
      <button type="submit" name="intent" value="variants" class="btn btn-secondary" formnovalidate>
        Make variants
      </button>
    </fieldset>
  );
}

/** One input of a variant row: labelled for screen readers, its error right under it. */
function CellInput(p: { row: number; field: string; label: string; short: string; value: string; error: string | undefined; inputMode?: 'numeric' | 'decimal'; type?: 'text' | 'number'; maxLength?: number }) {
  const id = `product-variants.${p.row}.${p.field}`;
  return (
    <td data-label={p.short} class={p.error ? 'has-error' : undefined}>
      <label for={id} class="sr-only">
        {p.label}
      </label>
      {/* Preact types <input> as a union keyed on `type`; the loose attribute bag is the same shape. */}
      <input
        {...({
          id,
          name: `variants.${p.row}.${p.field}`,
          value: p.value,
          type: p.type ?? 'text',
          inputMode: p.inputMode,
          maxLength: p.maxLength,
          min: p.type === 'number' ? 0 : undefined,
          'aria-invalid': p.error ? 'true' : undefined,
          'aria-describedby': p.error ? `${id}-error` : undefined,
        } as InputHTMLAttributes<HTMLInputElement>)}
      />
      {p.error && (
        <p class="field-error" id={`${id}-error`}>
          {p.error}
        </p>
      )}
    </td>
  );
}

/** One row per combination: price, MRP, stock, SKU, available, picture. Plain inputs, so it posts without JavaScript. */
function VariantsTable({ values, errors, currency, product }: { values: ProductFormValues; errors: FieldErrors; currency: string; product: ProductView | null }) {
  const names = values.options.map((o) => o.name.trim());
  const money = currencyExponent(currency) === 0 ? 'numeric' : 'decimal';
  const images = product?.images ?? [];
  return (
    <section class="span-2 variants-editor" aria-labelledby="product-variants-title">
      <h2 id="product-variants-title">Variants ({values.variants.length})</h2>
      {errors['variants'] && (
        <p class="field-error" id="product-variants-error">
          {errors['variants']}
        </p>
      )}
      <p class="hint">MRP is shown struck through and must be more than the price. Leave stock empty if you don't count it; untick to stop selling one.</p>
      <table class="table table-labelled variants-table">
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col">Price ({currency})</th>
            <th scope="col">MRP ({currency})</th>
            <th scope="col">Stock</th>
            <th scope="col">SKU</th>
            <th scope="col">Available</th>
            {images.length > 0 && <th scope="col">Picture</th>}
          </tr>
        </thead>
        <tbody>
          {values.variants.map((row, i) => {
            const combo = comboText(names, row.options);
            const e = (f: string) => errors[`variants.${i}.${f}`];
            return (
              <tr>
                <th scope="row">
                  {combo}
                  <input type="hidden" name={`variants.${i}.id`} value={row.id} />
                  {row.options.map((value, j) => (
                    <input type="hidden" name={`variants.${i}.option${j}`} value={value} />
                  ))}
                </th>
                <CellInput row={i} field="price" short="Price" label={`Price of ${combo}`} value={row.price} error={e('price')} inputMode={money} />
                <CellInput row={i} field="compareAtPrice" short="MRP" label={`MRP of ${combo}`} value={row.compareAtPrice} error={e('compareAtPrice')} inputMode={money} />
                <CellInput row={i} field="stock" short="Stock" label={`Stock of ${combo}`} value={row.stock} error={e('stock')} type="number" />
                <CellInput row={i} field="sku" short="SKU" label={`SKU of ${combo}`} value={row.sku} error={e('sku')} maxLength={64} />
                <td data-label="Available">
                  <input type="checkbox" id={`product-variants.${i}.active`} name={`variants.${i}.active`} value="on" checked={row.active} />
                  <label for={`product-variants.${i}.active`} class="sr-only">
                    {combo} available
                  </label>
                </td>
                {images.length > 0 && (
                  <td data-label="Picture">
                    <label for={`product-variants.${i}.image`} class="sr-only">
                      Picture of {combo}
                    </label>
                    <select id={`product-variants.${i}.image`} name={`variants.${i}.image`}>
                      <option value="" selected={row.image === ''}>
                        Cover
                      </option>
                      {images.map((img, n) => (
                        <option value={img.key} selected={row.image === img.key}>
                          Picture {n + 1}
                        </option>
                      ))}
                    </select>
                    {e('image') && <p class="field-error">{e('image')}</p>}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The product's GST rate and HSN code, shared by all its variants. GST is charged only on sales in
 * rupees, so other stores see neither field (and the plugin sends neither).
 */
function TaxFields({ values, errors, defaultTaxRate }: { values: ProductFormValues; errors: FieldErrors; defaultTaxRate: number }) {
  const rates: Array<[string, string]> = [['', `Store default (${defaultTaxRate}%)`], ...gstRates.map((r): [string, string] => [String(r), `${r}%`])];
  return (
    <>
      {/* Says the tax fields were on the form, so a form without them (another currency) changes neither. */}
      <input type="hidden" name="taxFields" value="1" />
      <SelectField
        form="product"
        name="taxRate"
        label="GST rate"
        value={values.taxRate}
        error={errors['taxRate']}
        options={rates}
        hint="Only if this product's rate differs from your store's default (set under Settings)."
      />
      <Field
        form="product"
        name="hsnCode"
        label="HSN code"
        value={values.hsnCode}
        error={errors['hsnCode']}
        optional
        inputMode="numeric"
        pattern="[0-9]{4}([0-9]{2}){0,2}"
        maxLength={8}
        autocomplete="off"
        hint="4, 6 or 8 digits, printed on tax invoices."
      />
    </>
  );
}

/** Current pictures, with a link to the photos page where they are added, ordered and removed. */
function Pictures({ ctx, product }: { ctx: PageContext; product: ProductView }) {
  const photos = withBase(ctx.basePath, `/dashboard/products/${encodeURIComponent(product.id)}/photos`);
  return (
    <section class="panel">
      <h2>Pictures</h2>
      {product.images.length > 0 && (
        <ul class="pictures">
          {product.images.map((img, i) => (
            <li>
              <img src={img.url} alt={`${product.name}, picture ${i + 1}${i === 0 ? ' (cover)' : ''}`} width={120} height={120} loading="lazy" />
              <PostForm ctx={ctx} action={`/dashboard/products/${encodeURIComponent(product.id)}/images/delete`}>
                <input type="hidden" name="key" value={img.key} />
                <button type="submit" class="btn btn-small btn-danger-outline">
                  Remove<span class="sr-only"> picture {i + 1}</span>
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a class="btn btn-secondary" href={photos}>
          Photos ({product.images.length})
        </a>{' '}
        <span class="hint">Add several at once, reorder them, choose the cover.</span>
      </p>
    </section>
  );
}

/** After a save: where the product shows, and the way to the next one. */
function SavedActions({ ctx, product }: { ctx: PageContext; product: ProductView }) {
  const storeSlug = ctx.vendor?.storeSlug;
  return (
    <p class="saved-actions">
      {product.active && storeSlug ? (
        <a class="btn btn-secondary" href={withBase(ctx.basePath, `/${storeSlug}/p/${encodeURIComponent(product.slug)}`)}>
          View in store
        </a>
      ) : (
        <span class="tag tag-hidden">Hidden from the store</span>
      )}{' '}
      <a class="btn btn-primary" href={withBase(ctx.basePath, '/dashboard/products/new')}>
        Add another
      </a>
    </p>
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

/** Create or edit a product, its options and variants; multipart so pictures can come along. */
export function ProductFormPage({ ctx, currency, product, categories, values = {}, errors = {}, saved = false, notice, defaultTaxRate = 0 }: ProductFormPageProps) {
  const v = initialValues(product, currency, values);
  const f = 'product';
  // Text, not type=number: vendors type "1,299.50" or "₹499", which parseMoney accepts.
  const money = { inputMode: (currencyExponent(currency) === 0 ? 'numeric' : 'decimal') as 'numeric' | 'decimal' };
  const action = product ? `/dashboard/products/${encodeURIComponent(product.id)}` : '/dashboard/products';
  const hasVariants = v.variants.length > 0;
  const submitText = product ? 'Save changes' : 'Add product';
  return (
    <DashboardLayout ctx={ctx} title={product ? `Edit ${product.name}` : 'Add product'} section="products">
      {saved && product && <SavedActions ctx={ctx} product={product} />}
      {notice && (
        <p class="alert alert-note" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary form={f} errors={errors} labels={dynamicLabels(v)} />
      <PostForm ctx={ctx} action={action} multipart class="panel form-grid">
        {/* Enter in a text field presses the form's first submit button: saving, never "Make variants". Long variant forms want it at the top anyway. */}
        <div class="form-actions form-actions-top span-2">
          <button type="submit" class="btn btn-primary">
            {submitText}
          </button>
        </div>
        <Field form={f} name="name" label="Name" value={v.name} error={errors['name']} required maxLength={120} class="span-2" />
        <TextArea form={f} name="description" label="Description" value={v.description} error={errors['description']} optional rows={4} class="span-2" />
        <OptionsEditor values={v} errors={errors} />
        {hasVariants ? (
          <VariantsTable values={v} errors={errors} currency={currency} product={product} />
        ) : (
          <>
            <Field form={f} name="price" label={`Price (${currency})`} value={v.price} error={errors['price']} required {...money} hint="e.g. 499 or 499.50" />
            <Field
              form={f}
              name="compareAtPrice"
              label={`MRP (${currency})`}
              value={v.compareAtPrice}
              error={errors['compareAtPrice']}
              optional
              {...money}
              hint="Shown struck through; must be more than the price"
            />
            <Field form={f} name="stock" label="Stock" type="number" min={0} step={1} value={v.stock} error={errors['stock']} optional hint="Leave empty if you don't count stock" />
            <Field form={f} name="sku" label="SKU" value={v.sku} error={errors['sku']} optional maxLength={64} />
          </>
        )}
        <SelectField form={f} name="categoryId" label="Category" value={v.categoryId} error={errors['categoryId']} options={[['', 'No category'], ...categories.map((c): [string, string] => [c.id, c.name])]} />
        {currency === 'INR' && <TaxFields values={v} errors={errors} defaultTaxRate={defaultTaxRate} />}
        <Field
          form={f}
          name="images"
          label={product ? 'Add pictures' : 'Pictures'}
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp"
          error={errors['images'] ?? errors['file']}
          optional
          hint={`JPEG, PNG or WebP, up to 8 a product; choose several at once.${product ? '' : ' The first is the cover.'}`}
        />
        <CheckboxField form={f} name="active" label="Show in store" checked={v.active} hint="Untick to hide it from customers" />
        <div class="form-actions span-2">
          <button type="submit" class="btn btn-primary">
            {submitText}
          </button>
        </div>
      </PostForm>
      {product && <Pictures ctx={ctx} product={product} />}
      {product && <DeleteProduct ctx={ctx} product={product} />}
    </DashboardLayout>
  );
}
