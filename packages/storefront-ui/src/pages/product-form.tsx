import type { InputHTMLAttributes } from 'preact';
import { gstRates } from '@dukaan-kit/core/pricing';
import { CheckboxField, ErrorSummary, Field, PostForm, SelectField, TextArea } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { currencyExponent, moneyInputValue } from '../money.js';
import { Island } from '../components/island.js';
import { useI18n, useIslandMessages, useT, type I18n } from '../i18n/context.js';
import { photoFormats, photoPickerKeys } from '../islands/photo-picker.js';
import { withBase } from '../url.js';
import type { CategoryView, FieldErrors, PageContext, ProductView } from '../types.js';
import { localError, localErrors } from './localized-errors.js';

/** The largest picture core takes (its `maxImageBytes`), so the picker flags a bigger one before the post. */
const maxPictureBytes = 5 * 1024 * 1024;

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
  /** Just saved ('created' or 'saved'; true reads as 'saved'): say so, and offer "View in store" and "Add another". */
  saved?: boolean | 'created' | 'saved';
  /**
   * Pictures chosen in a post that failed on another field, kept so they need not be chosen
   * again: the checked bytes as base64, posted back as `keptImages` (see the README).
   */
  keptImages?: KeptImage[];
  /** The delete form's error (its box was not ticked), beside the box: a sentence or a catalogue key. */
  deleteError?: string;
  /** A note above the form (the variant rows were just made from the options): a sentence or a catalogue key (`catalog.notice.variantsMade` counts the rows). */
  notice?: string;
  /** The store's default GST rate (percent), named in the rate select's first choice. */
  defaultTaxRate?: number;
}

/** A picture carried over from a failed post. */
export interface KeptImage {
  /** The file's bytes, base64. */
  data: string;
  /** Its size in bytes, to name it. */
  bytes: number;
}

/** How many options a product may have (core's limit). */
export const optionSlots = 3;

function labels(t: I18n['t'], currency: string): Record<string, string> {
  return {
    name: t('catalog.product.name'),
    description: t('catalog.product.description'),
    price: t('catalog.product.price', { currency }),
    compareAtPrice: t('catalog.product.mrp', { currency }),
    stock: t('catalog.product.stock'),
    sku: t('catalog.product.sku'),
    categoryId: t('catalog.product.category'),
    images: t('catalog.product.pictures'),
    file: t('catalog.product.pictures'),
    taxRate: t('catalog.product.gstRate'),
    hsnCode: t('catalog.product.hsn'),
  };
}

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
function dynamicLabels(t: I18n['t'], v: ProductFormValues, currency: string): Record<string, string> {
  const out: Record<string, string> = labels(t, currency);
  for (let i = 0; i < optionSlots; i++) {
    out[`options.${i}.name`] = t('catalog.product.optionName', { n: i + 1 });
    out[`options.${i}.values`] = t('catalog.product.optionValues', { n: i + 1 });
  }
  // A row's cells are named as their hidden labels are ("MRP of Size: S · Colour: Blue"), so the
  // summary's link says which row to look at.
  const names = v.options.map((o) => o.name.trim());
  v.variants.forEach((row, i) => {
    const combo = comboText(names, row.options);
    out[`variants.${i}.price`] = t('catalog.product.priceOf', { combo });
    out[`variants.${i}.compareAtPrice`] = t('catalog.product.mrpOf', { combo });
    out[`variants.${i}.stock`] = t('catalog.product.stockOf', { combo });
    out[`variants.${i}.sku`] = t('catalog.product.skuOf', { combo });
    out[`variants.${i}.image`] = t('catalog.product.pictureOf', { combo });
  });
  return out;
}

/** Up to three options, each a name and its values; "Make variants" turns them into rows (no JavaScript needed). */
function OptionsEditor({ values, errors }: { values: ProductFormValues; errors: FieldErrors }) {
  const t = useT();
  const rows = Array.from({ length: optionSlots }, (_, i) => values.options[i] ?? { name: '', values: '' });
  return (
    <fieldset class="span-2 options-editor" aria-describedby="product-options-hint">
      <legend>{t('catalog.product.options')}</legend>
      <p class="hint" id="product-options-hint">
        {t('catalog.product.optionsHint')}
      </p>
      {errors['options'] && (
        <p class="field-error" id="product-options-error">
          {errors['options']}
        </p>
      )}
      {rows.map((row, i) => (
        <div class="option-row">
          <Field form="product" name={`options.${i}.name`} label={t('catalog.product.optionName', { n: i + 1 })} value={row.name} error={errors[`options.${i}.name`]} optional maxLength={40} placeholder={i === 0 ? t('catalog.product.optionNamePlaceholder') : undefined} />
          <Field
            form="product"
            name={`options.${i}.values`}
            label={t('catalog.product.optionValues', { n: i + 1 })}
            value={row.values}
            error={errors[`options.${i}.values`]}
            optional
            maxLength={1500}
            placeholder={i === 0 ? t('catalog.product.optionValuesPlaceholder') : undefined}
            hint={t('catalog.product.optionValuesHint')}
          />
        </div>
      ))}
      <button type="submit" name="intent" value="variants" class="btn btn-secondary" formnovalidate>
        {t('catalog.product.makeVariants')}
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
  const t = useT();
  const names = values.options.map((o) => o.name.trim());
  const money = currencyExponent(currency) === 0 ? 'numeric' : 'decimal';
  const images = product?.images ?? [];
  return (
    <section class="span-2 variants-editor" aria-labelledby="product-variants-title">
      <h2 id="product-variants-title">{t('catalog.product.variants', { count: values.variants.length })}</h2>
      {errors['variants'] && (
        <p class="field-error" id="product-variants-error">
          {errors['variants']}
        </p>
      )}
      <p class="hint">{t('catalog.product.variantsHint')}</p>
      <table class="table table-labelled variants-table">
        <thead>
          <tr>
            <th scope="col">{t('catalog.product.variant')}</th>
            <th scope="col">{t('catalog.product.colPrice', { currency })}</th>
            <th scope="col">{t('catalog.product.colMrp', { currency })}</th>
            <th scope="col">{t('catalog.product.colStock')}</th>
            <th scope="col">{t('catalog.product.colSku')}</th>
            <th scope="col">{t('catalog.product.colAvailable')}</th>
            {images.length > 0 && <th scope="col">{t('catalog.product.colPicture')}</th>}
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
                <CellInput row={i} field="price" short={t('catalog.product.short.price')} label={t('catalog.product.priceOf', { combo })} value={row.price} error={e('price')} inputMode={money} />
                <CellInput row={i} field="compareAtPrice" short={t('catalog.product.short.mrp')} label={t('catalog.product.mrpOf', { combo })} value={row.compareAtPrice} error={e('compareAtPrice')} inputMode={money} />
                <CellInput row={i} field="stock" short={t('catalog.product.colStock')} label={t('catalog.product.stockOf', { combo })} value={row.stock} error={e('stock')} type="number" />
                <CellInput row={i} field="sku" short={t('catalog.product.colSku')} label={t('catalog.product.skuOf', { combo })} value={row.sku} error={e('sku')} maxLength={64} />
                <td data-label={t('catalog.product.colAvailable')}>
                  <input type="checkbox" id={`product-variants.${i}.active`} name={`variants.${i}.active`} value="on" checked={row.active} />
                  <label for={`product-variants.${i}.active`} class="sr-only">
                    {t('catalog.product.availableOf', { combo })}
                  </label>
                </td>
                {images.length > 0 && (
                  <td data-label={t('catalog.product.colPicture')}>
                    <label for={`product-variants.${i}.image`} class="sr-only">
                      {t('catalog.product.pictureOf', { combo })}
                    </label>
                    <select id={`product-variants.${i}.image`} name={`variants.${i}.image`}>
                      <option value="" selected={row.image === ''}>
                        {t('catalog.product.cover')}
                      </option>
                      {images.map((img, n) => (
                        <option value={img.key} selected={row.image === img.key}>
                          {t('catalog.product.pictureN', { n: n + 1 })}
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
  const t = useT();
  const rates: Array<[string, string]> = [['', t('catalog.product.gstDefault', { rate: defaultTaxRate })], ...gstRates.map((r): [string, string] => [String(r), `${r}%`])];
  return (
    <>
      {/* Says the tax fields were on the form, so a form without them (another currency) changes neither. */}
      <input type="hidden" name="taxFields" value="1" />
      <SelectField
        form="product"
        name="taxRate"
        label={t('catalog.product.gstRate')}
        value={values.taxRate}
        error={errors['taxRate']}
        options={rates}
        hint={t('catalog.product.gstHint')}
      />
      <Field
        form="product"
        name="hsnCode"
        label={t('catalog.product.hsn')}
        value={values.hsnCode}
        error={errors['hsnCode']}
        optional
        inputMode="numeric"
        pattern="[0-9]{4}([0-9]{2}){0,2}"
        maxLength={8}
        autocomplete="off"
        hint={t('catalog.product.hsnHint')}
      />
    </>
  );
}

/** Current pictures, with a link to the photos page where they are added, ordered and removed. */
function Pictures({ ctx, product }: { ctx: PageContext; product: ProductView }) {
  const t = useT();
  const photos = withBase(ctx.basePath, `/dashboard/products/${encodeURIComponent(product.id)}/photos`);
  return (
    <section class="panel current-pictures" aria-labelledby="current-pictures-title">
      <h2 id="current-pictures-title">{t('catalog.product.pictures')}</h2>
      {product.images.length > 0 && (
        <ul class="pictures">
          {product.images.map((img, i) => (
            <li>
              <img src={img.url} alt={t(i === 0 ? 'catalog.product.pictureAltCover' : 'catalog.product.pictureAlt', { name: product.name, n: i + 1 })} width={120} height={120} loading="lazy" />
              <PostForm ctx={ctx} action={`/dashboard/products/${encodeURIComponent(product.id)}/images/delete`}>
                <input type="hidden" name="key" value={img.key} />
                <button type="submit" class="btn btn-danger-outline" aria-label={t('catalog.product.removePicture', { n: i + 1 })}>
                  {t('catalog.product.remove')}
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a class="btn btn-secondary" href={photos}>
          {t('catalog.product.photos', { count: product.images.length })}
        </a>{' '}
        <span class="hint">{t('catalog.product.photosHint')}</span>
      </p>
    </section>
  );
}

/** After a save: what happened, where the product shows, and the way to the next one. */
function SavedActions({ ctx, product, created }: { ctx: PageContext; product: ProductView; created: boolean }) {
  const t = useT();
  const storeSlug = ctx.vendor?.storeSlug;
  return (
    <div class="flash saved-flash" role="status">
      <p>{t(created ? 'catalog.product.addedNote' : 'catalog.product.savedNote')}</p>
      <p class="saved-actions">
        {product.active && storeSlug ? (
          <a class="btn btn-secondary" href={withBase(ctx.basePath, `/${storeSlug}/p/${encodeURIComponent(product.slug)}`)}>
            {t('catalog.product.viewInStore')}
          </a>
        ) : (
          <span class="tag tag-hidden">{t('catalog.product.hidden')}</span>
        )}{' '}
        <a class="btn btn-primary" href={withBase(ctx.basePath, '/dashboard/products/new')}>
          {t('catalog.product.addAnother')}
        </a>
      </p>
    </div>
  );
}

/** Deleting needs a ticked "Yes, delete" box: a confirmation that works without JavaScript. */
function DeleteProduct({ ctx, product, error }: { ctx: PageContext; product: ProductView; error: string | undefined }) {
  const t = useT();
  return (
    <section class="panel danger-zone">
      <h2>{t('catalog.product.deleteTitle')}</h2>
      <p>{t('catalog.product.deleteText')}</p>
      <PostForm ctx={ctx} action={`/dashboard/products/${encodeURIComponent(product.id)}/delete`}>
        <CheckboxField form="delete" name="confirm" value="yes" label={t('catalog.product.deleteConfirm', { name: product.name })} checked={false} required error={error} />
        <button type="submit" class="btn btn-danger">
          {t('catalog.product.deleteButton')}
        </button>
      </PostForm>
    </section>
  );
}

/** A readable size: "240 KB", "2.4 MB". */
function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * The pictures field, first on the form: the pictures kept from a failed post (ticked boxes that
 * post them back) and the drop-or-pick area (an island: previews with JavaScript, a plain file
 * input under the same look without).
 */
function PictureField({ product, kept, error }: { product: ProductView | null; kept: KeptImage[]; error: string | undefined }) {
  const t = useT();
  const m = useIslandMessages(photoPickerKeys);
  return (
    <div class="span-2 picture-first">
      {kept.length > 0 && (
        <fieldset class="kept-pictures" aria-describedby="product-kept-hint">
          <legend>{t('catalog.product.kept')}</legend>
          <p class="hint" id="product-kept-hint">
            {t('catalog.product.keptHint')}
          </p>
          <ul>
            {kept.map((k, i) => (
              <li class="field field-check">
                <input type="checkbox" id={`product-kept-${i}`} name="keptImages" value={k.data} checked />
                <label for={`product-kept-${i}`}>{t('catalog.product.keptItem', { n: i + 1, size: sizeText(k.bytes) })}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <Island
        name="photo-picker"
        props={{
          id: 'product-images',
          name: 'images',
          label: t(product ? 'catalog.product.addPictures' : 'catalog.product.pictures'),
          hint: t(product ? 'catalog.product.picturesHint' : 'catalog.product.picturesHintNew', { formats: photoFormats }),
          ...(error ? { error } : {}),
          accept: 'image/jpeg,image/png,image/webp',
          maxBytes: maxPictureBytes,
          hasKept: kept.length > 0,
          m,
        }}
      />
    </div>
  );
}

/** Create or edit a product, its options and variants; multipart so pictures can come along (first, as vendors start from the photo). */
export function ProductFormPage({ ctx, currency, product, categories, values = {}, errors: raw = {}, saved = false, notice, defaultTaxRate = 0, keptImages = [], deleteError }: ProductFormPageProps) {
  const { t } = useI18n();
  const errors = localErrors(t, raw);
  const v = initialValues(product, currency, values);
  const f = 'product';
  // Text, not type=number: vendors type "1,299.50" or "₹499", which parseMoney accepts.
  const money = { inputMode: (currencyExponent(currency) === 0 ? 'numeric' : 'decimal') as 'numeric' | 'decimal' };
  const action = product ? `/dashboard/products/${encodeURIComponent(product.id)}` : '/dashboard/products';
  const hasVariants = v.variants.length > 0;
  const submitText = t(product ? 'catalog.product.saveChanges' : 'catalog.product.add');
  return (
    <DashboardLayout ctx={ctx} title={product ? t('catalog.product.titleEdit', { name: product.name }) : t('catalog.product.titleNew')} section="products">
      {saved && product && <SavedActions ctx={ctx} product={product} created={saved === 'created'} />}
      {notice && (
        <p class="alert alert-note" role="status">
          {notice === 'catalog.notice.variantsMade' ? t(notice, { count: v.variants.length }) : localError(t, notice)}
        </p>
      )}
      <ErrorSummary form={f} errors={errors} labels={dynamicLabels(t, v, currency)} />
      {product && product.images.length > 0 && <Pictures ctx={ctx} product={product} />}
      <PostForm ctx={ctx} action={action} multipart class="panel form-grid">
        {/* Enter in a text field presses the form's first submit button: saving, never "Make variants". Long variant forms want it at the top anyway. */}
        <div class="form-actions form-actions-top span-2">
          <button type="submit" class="btn btn-primary">
            {submitText}
          </button>
        </div>
        <PictureField product={product} kept={keptImages} error={errors['images'] ?? errors['file']} />
        <Field form={f} name="name" label={t('catalog.product.name')} value={v.name} error={errors['name']} required maxLength={120} class="span-2" />
        <TextArea form={f} name="description" label={t('catalog.product.description')} value={v.description} error={errors['description']} optional rows={4} class="span-2" />
        <OptionsEditor values={v} errors={errors} />
        {hasVariants ? (
          <VariantsTable values={v} errors={errors} currency={currency} product={product} />
        ) : (
          <>
            <Field form={f} name="price" label={t('catalog.product.price', { currency })} value={v.price} error={errors['price']} required {...money} hint={t('catalog.product.priceHint')} />
            <Field
              form={f}
              name="compareAtPrice"
              label={t('catalog.product.mrp', { currency })}
              value={v.compareAtPrice}
              error={errors['compareAtPrice']}
              optional
              {...money}
              hint={t('catalog.product.mrpHint')}
            />
            <Field form={f} name="stock" label={t('catalog.product.stock')} type="number" min={0} step={1} value={v.stock} error={errors['stock']} optional hint={t('catalog.product.stockHint')} />
            <Field form={f} name="sku" label={t('catalog.product.sku')} value={v.sku} error={errors['sku']} optional maxLength={64} />
          </>
        )}
        <SelectField
          form={f}
          name="categoryId"
          label={t('catalog.product.category')}
          value={v.categoryId}
          error={errors['categoryId']}
          options={[['', t('catalog.product.noCategory')], ...categories.map((c): [string, string] => [c.id, c.name])]}
        />
        {currency === 'INR' && <TaxFields values={v} errors={errors} defaultTaxRate={defaultTaxRate} />}
        <CheckboxField form={f} name="active" label={t('catalog.product.active')} checked={v.active} hint={t('catalog.product.activeHint')} />
        <div class="form-actions span-2">
          <button type="submit" class="btn btn-primary">
            {submitText}
          </button>
        </div>
      </PostForm>
      {product && product.images.length === 0 && <Pictures ctx={ctx} product={product} />}
      {product && <DeleteProduct ctx={ctx} product={product} error={deleteError === undefined ? undefined : localError(t, deleteError)} />}
    </DashboardLayout>
  );
}
