import type { ComponentChildren, FormHTMLAttributes, InputHTMLAttributes, PartialInputHTMLAttributes } from 'preact';
import { withBase } from '../url.js';
import type { FieldErrors, PageContext } from '../types.js';

type FormCtx = Pick<PageContext, 'basePath' | 'csrfToken'>;

/** The texts the form parts write themselves (keys of messages/forms.ts). */
export type FormTextKey = 'forms.optional' | 'forms.summary.title' | 'forms.summary.formTitle';
type FormTexts = (key: FormTextKey, values?: { count: number }) => string;

// Islands bundle this file, and an island must not carry the catalogue: so the parts ask a hook
// that the server side installs (form-i18n.ts, loaded with the pages) for the page's language.
// Without it (in the browser, or a part rendered alone in a test) they write English; an island
// passes its texts as props instead (`optional="…"`), so hydration finds the same words.
const english: Record<FormTextKey, (count: number) => string> = {
  'forms.optional': () => '(optional)',
  'forms.summary.title': (count) => `Please check ${count === 1 ? 'this field' : 'these fields'}`,
  'forms.summary.formTitle': () => 'That did not work',
};
let useFormTexts: () => FormTexts = () => (key, values) => english[key](values?.count ?? 0);

/** Server side, once: how the form parts find the page's texts (a hook, called while rendering). */
export function installFormTexts(hook: () => FormTexts): void {
  useFormTexts = hook;
}

/** A POST form to an app path: prefixes the mount path and carries the CSRF crumb when there is one. */
export function PostForm({
  ctx,
  action,
  multipart = false,
  children,
  ...rest
}: { ctx: FormCtx; action: string; multipart?: boolean; children?: ComponentChildren } & Omit<FormHTMLAttributes<HTMLFormElement>, 'action' | 'method'>) {
  return (
    <form method="post" action={withBase(ctx.basePath, action)} enctype={multipart ? 'multipart/form-data' : undefined} {...rest}>
      {ctx.csrfToken !== null && <input type="hidden" name="crumb" value={ctx.csrfToken} />}
      {children}
    </form>
  );
}

/** ids and ARIA attributes that tie a control to its hint and error. */
function describedBy(id: string, error?: string, hint?: string) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': ids || undefined };
}

/** The "(optional)" after a label: the text an island gave, else the page's own. */
function OptionalMark({ text }: { text: true | string }) {
  const texts = useFormTexts();
  return <span class="optional"> {text === true ? texts('forms.optional') : text}</span>;
}

/** The label line, hint and error around one control. */
function FieldFrame(p: { id: string; label: string; optional?: boolean | string; hint?: string; error?: string; children: ComponentChildren; class?: string }) {
  return (
    <div class={`field${p.error ? ' has-error' : ''}${p.class ? ` ${p.class}` : ''}`}>
      <label for={p.id}>
        {p.label}
        {p.optional && <OptionalMark text={p.optional} />}
      </label>
      {p.hint && (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      )}
      {p.children}
      {p.error && (
        <p class="field-error" id={`${p.id}-error`}>
          {p.error}
        </p>
      )}
    </div>
  );
}

interface FieldBase {
  /** The form's id prefix, so two forms on a page never share ids. */
  form: string;
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  /** Marks the label "(optional)"; an island passes the text itself (it has no catalogue). */
  optional?: boolean | string;
  class?: string;
}

/** A labelled `<input>` with its hint and error wired through aria-describedby. */
export function Field({ form, name, label, error, hint, optional, class: cls, ...input }: FieldBase & Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'name' | 'label' | 'form' | 'class' | 'role'>) {
  const id = `${form}-${name}`;
  const fp = { id, label, error, hint, optional, class: cls } as const;
  return (
    <FieldFrame {...fp}>
      {/* Preact types <input> as a union keyed on `type`; the loose attribute bag is the same shape. */}
      <input {...({ name, ...describedBy(id, error, hint), ...input } as InputHTMLAttributes<HTMLInputElement>)} />
    </FieldFrame>
  );
}

/** A store link (slug) input: the browser checks the shape core accepts; `hint` says what happens to it. */
export function SlugField({ form, label, value, error, hint, required }: { form: string; label: string; value: string | undefined; error: string | undefined; hint: string; required: boolean }) {
  return (
    <Field
      form={form}
      name="slug"
      label={label}
      value={value}
      error={error}
      required={required || undefined}
      optional={!required}
      pattern="[a-z0-9]+(-[a-z0-9]+)*"
      minLength={3}
      maxLength={40}
      autocapitalize="none"
      spellcheck={false}
      hint={hint}
    />
  );
}

/** A labelled `<textarea>`. */
export function TextArea({ form, name, label, error, hint, optional, value, class: cls, ...rest }: FieldBase & { value?: string; rows?: number; required?: boolean; maxLength?: number; autocomplete?: string }) {
  const id = `${form}-${name}`;
  return (
    <FieldFrame {...{ id, label, error, hint, optional, class: cls }}>
      {/* defaultValue: SSR writes it as the text, and a re-render in an island never resets what was typed. */}
      <textarea name={name} {...describedBy(id, error, hint)} {...rest} defaultValue={value ?? ''} />
    </FieldFrame>
  );
}

/** A labelled `<select>`; `options` are [value, text] pairs. */
export function SelectField({ form, name, label, error, hint, optional, value, options, class: cls }: FieldBase & { value: string; options: ReadonlyArray<readonly [string, string]> }) {
  const id = `${form}-${name}`;
  return (
    <FieldFrame {...{ id, label, error, hint, optional, class: cls }}>
      <select name={name} {...describedBy(id, error, hint)}>
        {options.map(([v, t]) => (
          <option value={v} selected={v === value}>
            {t}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A checkbox with its label beside it; sends `value` ('on' by default) when ticked. */
export function CheckboxField({ form, name, label, error, hint, checked, value = 'on', required }: FieldBase & { checked: boolean; value?: string; required?: boolean }) {
  const id = `${form}-${name}`;
  return (
    <div class={`field field-check${error ? ' has-error' : ''}`}>
      <input type="checkbox" name={name} value={value} checked={checked} required={required} {...describedBy(id, error, hint)} />
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The top of a form that came back with errors. Each message is shown once: a field's own
 * message sits under that field, so the summary only names the field (a link to it, by its
 * label); a message that belongs to no field (`form`, or a name without a label) is written here.
 */
export function ErrorSummary({ form, errors, labels }: { form: string; errors: FieldErrors | undefined; labels: Record<string, string> }) {
  const texts = useFormTexts();
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0) return null;
  const fields = entries.filter(([field]) => labels[field]).map(([field]) => field);
  const loose = entries.filter(([field]) => !labels[field]).map(([, message]) => message);
  return (
    <div class="alert alert-error" role="alert" aria-labelledby={`${form}-errors-title`}>
      <h2 id={`${form}-errors-title`}>{fields.length > 0 ? texts('forms.summary.title', { count: fields.length }) : texts('forms.summary.formTitle')}</h2>
      {loose.map((message) => (
        <p class="alert-text">{message}</p>
      ))}
      {fields.length > 0 && (
        <ul class="error-links">
          {fields.map((field) => (
            <li>
              <a href={`#${form}-${field}`}>{labels[field]}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
