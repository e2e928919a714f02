import { expect } from '@open-wc/testing';
import { bannerFixture, resetConsentState, received, newBucket } from './support/helpers.js';
describe('smoke', () => {
  beforeEach(resetConsentState);
  it('renders', async () => { const b = await bannerFixture(); expect(b.shadowRoot!.querySelector('section')).to.exist; });
  it('endpoint', async () => { const r = await received('consent-records', newBucket()); expect(r.attempts).to.equal(0); });
});
