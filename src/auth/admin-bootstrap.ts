import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthService } from './auth.service';

/** ADMIN_USERNAME / ADMIN_PASSWORD create the first admin at start, once. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.admin) return;
    const { username, password } = this.config.admin;
    if (await this.auth.ensureUser(username, password, 'admin')) this.logger.log(`Created admin "${username}"`);
  }
}
