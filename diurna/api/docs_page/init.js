// Swagger UI 5 (vendored in ./swagger-ui, see VENDORED.md) over diurna's OpenAPI 3.1 document; no CDN.
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
