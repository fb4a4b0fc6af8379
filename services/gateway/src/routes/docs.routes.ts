import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ASYNCAPI_DOCUMENT } from '@kompeten/contracts';
import { Public } from '../auth/access.decorator';

/** The event documentation, next to the OpenAPI document (`/api/docs-json`). */
@ApiExcludeController()
@Controller('api/docs')
export class DocsRoutes {
  @Get('asyncapi.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  asyncapi() {
    return ASYNCAPI_DOCUMENT;
  }
}
