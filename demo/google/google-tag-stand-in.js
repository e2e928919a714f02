/*
 * A local stand-in for Google's tag runtime, for the demo and the tests: it makes no request to
 * Google (GEN-02; this machine's network is closed anyway). Load it where a site loads Google's
 * files, with the same query: as the GTM container (`gtm.js?id=GTM-…`) from the GTM snippet, and
 * as gtag.js (`gtag/js?id=G-…`) for a GA4 tag. It reads `dataLayer` the way Google documents:
 *
 * - messages are processed in order, those queued before it loaded first, then every push;
 * - `['consent', 'default', {…}]` sets defaults; one with `region` applies only to visitors from
 *   those regions and wins over a general default; `wait_for_update` holds hits until an update
 *   arrives or the time runs out; `['consent', 'update', {…}]` wins over every default;
 *   a type never set counts as granted (consent mode is not set by default);
 * - `['set', 'ads_data_redaction' | 'url_passthrough', true]` are settings;
 * - `['config', id]` (gtag.js) and the `gtm.js` event (GTM) send a page view; GTM's "Consent
 *   update" trigger listens for the `privacy_consent_update` event and fires an Ads tag whose
 *   built-in consent check needs ad_storage.
 *
 * Each hit records the consent state the tag saw at that message in `window.__googleTags.hits`,
 * and tells listeners (`window.__googleTags.listen(fn)`) so a page can show it. The visitor's
 * region is `window.__visitorRegion` (default SE), where Google would use the IP address.
 */
(function () {
  'use strict';
  var w = window;
  var dataLayer = (w.dataLayer = w.dataLayer || []);
  var source = document.currentScript ? new URL(document.currentScript.src, location.href) : null;
  var id = source ? source.searchParams.get('id') || '' : '';
  var TYPES = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage'];
  var isContainer = id.indexOf('GTM-') === 0;
  var shared = (w.__googleTags = w.__googleTags || { hits: [], tags: [], listeners: [] });
  shared.listen = function (fn) {
    shared.listeners.push(fn);
    fn(shared);
  };
  if (isContainer) w.google_tag_manager = w.google_tag_manager || {};

  // Each loaded tag keeps its own consent state and reads the queue from the start, as Google's
  // own files do.
  var defaults = {};
  var regionDefaults = {};
  var updates = {};
  var settings = {};
  var waitForUpdate = 0;
  var updated = false;
  var waiting = [];
  var region = w.__visitorRegion || 'SE';
  var tag = { id: id, state: state, settings: settings };
  shared.tags.push(tag);

  function state() {
    var seen = {};
    TYPES.forEach(function (type) {
      seen[type] = type in updates ? updates[type] : type in regionDefaults ? regionDefaults[type] : type in defaults ? defaults[type] : 'not set';
    });
    return seen;
  }
  function granted(type) {
    return state()[type] !== 'denied'; // 'not set' behaves as granted
  }
  function inRegion(list) {
    return list.some(function (code) {
      return code === region || code === region.slice(0, 2);
    });
  }
  function notify() {
    shared.listeners.forEach(function (fn) {
      fn(shared);
    });
  }
  function record(name, hit) {
    var analytics = granted('analytics_storage');
    var ads = granted('ad_storage');
    if (analytics && !isContainer) document.cookie = '_ga=GA1.1.stand-in; Path=/; SameSite=Lax';
    shared.hits.push({
      tag: name,
      hit: hit,
      consent: state(),
      cookies: (name.indexOf('Ads') >= 0 ? ads : analytics) ? 'read and written' : 'none (cookieless ping)',
      adsDataRedaction: !!settings.ads_data_redaction && !ads,
      urlPassthrough: !!settings.url_passthrough,
    });
    notify();
  }
  function send(name, hit) {
    if (waitForUpdate > 0 && !updated) {
      waiting.push([name, hit]);
      if (waiting.length === 1) setTimeout(flush, waitForUpdate);
    } else {
      record(name, hit);
    }
  }
  function flush() {
    waiting.splice(0).forEach(function (item) {
      record(item[0], item[1]);
    });
  }
  function consent(command, values) {
    var target = command === 'update' ? updates : values.region ? (inRegion(values.region) ? regionDefaults : null) : defaults;
    if (!target) return;
    Object.keys(values).forEach(function (key) {
      if (TYPES.indexOf(key) >= 0) target[key] = values[key];
    });
    if (command === 'default' && values.wait_for_update) waitForUpdate = Math.max(waitForUpdate, values.wait_for_update);
    if (command === 'update') {
      updated = true;
      flush();
    }
    notify();
  }
  function processMessage(message) {
    if (Object.prototype.toString.call(message) === '[object Arguments]') {
      var command = message[0];
      if (command === 'consent') consent(message[1], message[2] || {});
      else if (command === 'set' && typeof message[1] === 'string') (settings[message[1]] = message[2]), notify();
      else if (command === 'config' && message[1] === id) send('GA4 (gtag.js ' + id + ')', 'page_view');
      else if (command === 'event' && !isContainer) send('GA4 (gtag.js ' + id + ')', message[1]);
      return;
    }
    if (!isContainer || !message || typeof message !== 'object') return;
    if (message.event === 'gtm.js') send('GA4 (in ' + id + ')', 'page_view');
    if (message.event === 'privacy_consent_update' && granted('ad_storage')) send('Google Ads remarketing (in ' + id + ')', 'remarketing');
  }

  var processed = 0;
  function processQueue() {
    while (processed < dataLayer.length) processMessage(dataLayer[processed++]);
  }
  var push = dataLayer.push;
  dataLayer.push = function () {
    var result = push.apply(dataLayer, arguments);
    processQueue();
    return result;
  };
  processQueue();
})();
