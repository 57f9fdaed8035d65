package io.shuno.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /api/v1/openapi.json (and browsable at /api/v1/docs). */
@Configuration
@OpenAPIDefinition(info = @Info(title = "shuno operations API", version = "v1",
        description = "Dead letters and replay, exception resolution (充当・還付・手動消込・完了), search and the audit log."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiDocumentation {
}
