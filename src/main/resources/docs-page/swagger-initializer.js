// Swagger UI over the service's own OpenAPI document, served from this origin only (see index.html).
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // The default asks validator.swagger.io about the document for a badge: a request to another site.
    validatorUrl: null,
    // ?url= and ?configUrl= must not point this page, on our origin, at somebody else's document.
    queryConfigEnabled: false,
    // The plain layout: no top bar with a box for loading other documents.
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
