/**
 * Configuration of `<privacy-notice>`. Placeholder until the notice lands (issue 3): the types
 * are referenced from the shared configuration so the schema covers the whole file.
 */
import type { LocalizedText } from '../core/config-types.js';

export interface Controller {
  name: string;
  email?: string;
  address?: LocalizedText;
}

export interface NoticeConfig {
  title?: LocalizedText;
}
