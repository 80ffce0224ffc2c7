import { ValidationPipe, ValidationPipeOptions } from '@nestjs/common';

/** One set of rules for REST and sockets: unknown fields are refused, payloads become DTO instances. */
export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validationError: { target: false, value: false },
};

export const validationPipe = (): ValidationPipe => new ValidationPipe(VALIDATION_OPTIONS);
