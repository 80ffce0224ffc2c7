import { DynamicModule, Global, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChangeNotices } from './change-notices';
import { DATABASE_CONNECTION, DatabaseConnection, dataSourceOptions } from './data-source-options';
import { migrate } from './migrate';
import { PreparedQueries } from './prepared-queries';

/** Connects TypeORM and brings the schema up to date before any other module starts. */
@Global()
@Module({})
export class DatabaseModule implements OnModuleInit {
  private readonly logger = new Logger(DatabaseModule.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
  ) {}

  static forRoot(connection: DatabaseConnection): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(connection), autoLoadEntities: true })],
      providers: [{ provide: DATABASE_CONNECTION, useValue: connection }, PreparedQueries, ChangeNotices],
      exports: [PreparedQueries, ChangeNotices],
    };
  }

  async onModuleInit(): Promise<void> {
    const applied = await migrate(this.dataSource, this.connection);
    if (applied.length > 0) this.logger.log(`Applied migrations: ${applied.join(', ')}`);
  }
}
