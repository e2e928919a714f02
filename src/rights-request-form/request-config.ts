/**
 * Configuration of `<rights-request-form>`. Placeholder until the form lands (issue 4).
 */
export interface RightsRequestConfig {
  /** URL that receives rights requests (POST, JSON). */
  endpoint?: string;
}
