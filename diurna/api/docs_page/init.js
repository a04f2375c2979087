// Swagger UI for diurna's OpenAPI document, from the bundled swagger-ui (no CDN).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
