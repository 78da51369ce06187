// Every call a page script makes to /api/v1 goes through here, so headers the API needs (such as an
// antiforgery token) are added in one place.
(function () {
  'use strict';
  // The API refuses an unsafe call made with the sign-in cookie unless it carries the page's token.
  function token() {
    var meta = document.querySelector('meta[name="request-verification-token"]');
    return meta ? meta.content : '';
  }

  function send(method, url, body) {
    var headers = { 'Accept': 'application/json' };
    if (method !== 'GET') {
      headers['RequestVerificationToken'] = token();
    }
    var init = { method: method, credentials: 'same-origin', headers: headers };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init);
  }
  window.Roundtable = window.Roundtable || {};
  window.Roundtable.api = {
    get: function (url) { return send('GET', url); },
    post: function (url, body) { return send('POST', url, body === undefined ? {} : body); }
  };
})();
