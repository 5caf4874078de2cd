// The API docs page (/docs): Swagger UI, served locally, started from this file rather than an
// inline script, which the Content-Security-Policy does not allow.
(function () {
  "use strict";
  window.ui = SwaggerUIBundle({
    url: "/openapi.json", dom_id: "#swagger-ui", layout: "BaseLayout", deepLinking: true,
    showExtensions: true, showCommonExtensions: true, validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset]
  });
})();
