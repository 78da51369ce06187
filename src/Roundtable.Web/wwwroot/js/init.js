// Runs before the page paints so govuk-frontend's JavaScript-only styles apply without a flash.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
