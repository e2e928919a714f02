/**
 * The first layer's word on a Global Privacy Control signal (SIG-06): loaded only when the
 * browser sends the signal and it refuses a category, so other visitors never download it.
 * Called while the banner renders, so `msg` has the banner's language.
 */
import { format, msg } from '../i18n/locale.js';

/** `categories`: the refused categories' names, in the visitor's language. */
export function gpcNoteText(categories: string): string {
  return format(
    msg(
      'Your browser asked us not to sell or share your data (Global Privacy Control), and we respect that. These stay off, also with Accept all: {categories}. You can still switch them on yourself under Customize.',
      { id: 'banner.gpcNote' },
    ),
    { categories },
  );
}
