/**
 * What a product without a photo shows in its picture's place: a small, neutral picture sign on
 * a quiet background. Decorative (the name is right below it), so hidden from screen readers;
 * the same box as a photo, so cards line up whichever they have.
 */
export function NoPhoto({ class: cls }: { class?: string }) {
  return (
    <span class={`no-photo${cls ? ` ${cls}` : ''}`} aria-hidden="true">
      <svg viewBox="0 0 24 24" width="32" height="32" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" focusable="false">
        <rect x="3" y="4" width="18" height="16" rx="2" />
        <circle cx="9" cy="10" r="1.8" />
        <path d="M21 16l-5-5-9 9" />
      </svg>
    </span>
  );
}
