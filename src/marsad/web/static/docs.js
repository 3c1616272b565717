// /api/docs: Swagger UI over this server's own OpenAPI description. A file, not an inline
// script, because the page's Content-Security-Policy runs only this server's script files.
"use strict";
window.ui = SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null, // the default sends the description to validator.swagger.io
});
