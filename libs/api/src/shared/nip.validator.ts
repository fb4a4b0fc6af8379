import { registerDecorator, ValidationOptions } from 'class-validator';
import { parseNip } from '@kompeten/contracts';

/** A valid 18-digit NIP; the message names the wrong part (birth date, appointment, gender, sequence). */
export function IsNip(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isNip',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseNip(value).ok,
        defaultMessage: (args) => {
          const r = typeof args?.value === 'string' ? parseNip(args.value) : undefined;
          return r && !r.ok
            ? `${args?.property} is not a valid NIP (${r.part}): ${r.message}`
            : `${args?.property} must be an 18-digit NIP`;
        },
      },
    });
}
