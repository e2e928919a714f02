/**
 * Renders one field of the form from its `FieldSpec`. Each label, hint and error lives in the
 * same shadow root as its control, since `for` and `aria-describedby` cannot cross shadow roots.
 * Values are bound with `live()`: the element's state is the source of truth, so a re-render
 * (a new right chosen, back from review) never resets what the visitor typed.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FieldSpec, FieldValue, Text } from './request-fields.js';

export interface FieldContext {
  value: FieldValue;
  error?: string;
  texts: { required: string; errorPrefix: string };
  onChange: (field: FieldSpec, value: FieldValue) => void;
  /** `control` is the element that lost focus. */
  onBlur: (field: FieldSpec, control: Element) => void;
}

/** The DOM id of a field's control (`subject.email` → `subject-email`). */
export function domId(field: FieldSpec): string {
  return field.id.replace(/\./g, '-');
}

/** The control that receives focus from the error summary: the chosen option, or the first. */
export function focusTargetId(field: FieldSpec, value: FieldValue): string {
  if (!field.options) return domId(field);
  const chosen = field.options.find((option) => option.value === value || (Array.isArray(value) && value.includes(option.value)));
  return `${domId(field)}-${(chosen ?? field.options[0]).value}`;
}

export function renderField(field: FieldSpec, context: FieldContext): TemplateResult {
  switch (field.kind) {
    case 'radios':
    case 'checkboxes':
      return renderChoices(field, context);
    case 'checkbox':
      return renderCheckbox(field, context);
    default:
      return renderTextField(field, context);
  }
}

function renderTextField(field: FieldSpec, context: FieldContext): TemplateResult {
  const id = domId(field);
  const value = typeof context.value === 'string' ? context.value : '';
  const onInput = (event: Event) => context.onChange(field, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
  const describedBy = describedByOf(field, context, id);
  const invalid = context.error ? 'true' : undefined;
  const control =
    field.kind === 'textarea'
      ? html`<textarea
          id=${id}
          name=${field.id}
          part="input"
          rows="3"
          autocomplete=${ifDefined(field.autocomplete)}
          ?required=${field.required}
          aria-invalid=${ifDefined(invalid)}
          aria-describedby=${ifDefined(describedBy)}
          .value=${live(value)}
          @input=${onInput}
          @blur=${(event: Event) => context.onBlur(field, event.target as Element)}
        ></textarea>`
      : html`<input
          id=${id}
          name=${field.id}
          part="input"
          type=${field.kind}
          autocomplete=${ifDefined(field.autocomplete)}
          spellcheck=${ifDefined(field.kind === 'email' ? 'false' : undefined)}
          ?required=${field.required}
          aria-invalid=${ifDefined(invalid)}
          aria-describedby=${ifDefined(describedBy)}
          .value=${live(value)}
          @input=${onInput}
          @blur=${(event: Event) => context.onBlur(field, event.target as Element)}
        />`;
  return html`
    <div class="field ${context.error ? 'invalid' : ''}" part="field">
      <label for=${id}>${labelText(field, context)}</label>
      ${hintAndError(field, context, id)} ${control}
    </div>
  `;
}

function renderChoices(field: FieldSpec, context: FieldContext): TemplateResult {
  const id = domId(field);
  const multiple = field.kind === 'checkboxes';
  const chosen = (value: string) => (Array.isArray(context.value) ? context.value.includes(value) : context.value === value);
  const toggle = (value: string, on: boolean): FieldValue => {
    if (!multiple) return value;
    const current = Array.isArray(context.value) ? context.value : [];
    return on ? [...current.filter((item) => item !== value), value] : current.filter((item) => item !== value);
  };
  return html`
    <fieldset class="field choices ${context.error ? 'invalid' : ''}" part="field choices" aria-describedby=${ifDefined(describedByOf(field, context, id))}>
      <legend>${labelText(field, context)}</legend>
      ${hintAndError(field, context, id)}
      ${field.options!.map((option) => {
        const optionId = `${id}-${option.value}`;
        return html`
          <div class="choice">
            <input
              id=${optionId}
              type=${multiple ? 'checkbox' : 'radio'}
              name=${field.id}
              value=${option.value}
              ?required=${field.required}
              aria-invalid=${ifDefined(context.error ? 'true' : undefined)}
              aria-describedby=${ifDefined(option.hint ? `${optionId}-hint` : undefined)}
              .checked=${live(chosen(option.value))}
              @change=${(event: Event) => context.onChange(field, toggle(option.value, (event.target as HTMLInputElement).checked))}
              @blur=${(event: Event) => context.onBlur(field, event.target as Element)}
            />
            <label for=${optionId}>${textOf(option.label)}</label>
            ${option.hint ? html`<p id="${optionId}-hint" class="hint">${textOf(option.hint)}</p>` : nothing}
          </div>
        `;
      })}
    </fieldset>
  `;
}

function renderCheckbox(field: FieldSpec, context: FieldContext): TemplateResult {
  const id = domId(field);
  return html`
    <div class="field choice single" part="field">
      <input
        id=${id}
        type="checkbox"
        name=${field.id}
        aria-describedby=${ifDefined(field.hint ? `${id}-hint` : undefined)}
        .checked=${live(context.value === true)}
        @change=${(event: Event) => context.onChange(field, (event.target as HTMLInputElement).checked)}
      />
      <label for=${id}>${textOf(field.label)}</label>
      ${field.hint ? html`<p id="${id}-hint" class="hint">${textOf(field.hint)}</p>` : nothing}
    </div>
  `;
}

/** The label, with "(required)" in text (A11Y-10) in the interface language. */
function labelText(field: FieldSpec, context: FieldContext): TemplateResult {
  // The space is an expression: the build's template minifier drops a literal leading space.
  return html`${textOf(field.label)}${field.required ? html`${' '}<span class="marker">${context.texts.required}</span>` : nothing}`;
}

function hintAndError(field: FieldSpec, context: FieldContext, id: string): TemplateResult {
  return html`
    ${field.hint ? html`<p id="${id}-hint" class="hint">${textOf(field.hint)}</p>` : nothing}
    ${context.error
      ? html`<p id="${id}-error" class="error" part="field-error">
          <span class="visually-hidden">${context.texts.errorPrefix} </span>${context.error}
        </p>`
      : nothing}
  `;
}

function describedByOf(field: FieldSpec, context: FieldContext, id: string): string | undefined {
  const ids = [field.hint ? `${id}-hint` : '', context.error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Text from the configuration keeps its language (WCAG 3.1.2). */
function textOf(text: Text): TemplateResult | string {
  return text.lang ? html`<span lang=${text.lang}>${text.text}</span>` : text.text;
}

/** After a submit with errors: links to the fields, in form order; it receives focus (A11Y-10). */
export function renderErrorSummary(
  errors: ReadonlyArray<{ field: FieldSpec; message: string }>,
  texts: { errorSummaryTitle: string },
  onLink: (event: Event, field: FieldSpec) => void,
): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  return html`
    <section id="error-summary" class="error-summary" part="error-summary" aria-labelledby="error-summary-title" tabindex="-1">
      <h3 id="error-summary-title">${texts.errorSummaryTitle}</h3>
      <ul>
        ${errors.map(({ field, message }) => html`<li><a href="#${domId(field)}" @click=${(event: Event) => onLink(event, field)}>${message}</a></li>`)}
      </ul>
    </section>
  `;
}
