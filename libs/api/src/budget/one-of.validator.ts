import { registerDecorator, ValidationArguments } from 'class-validator';

/**
 * Exactly one of `fields` is given, and it matches its pattern. Put it on each of the fields: the one
 * given is checked for its format, and a missing or doubled choice is reported on every field involved.
 */
export function OneOf(fields: string[], pattern: RegExp, format: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'oneOf',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const given = fields.filter((f) => (args.object as Record<string, unknown>)[f] !== undefined);
          if (given.length !== 1) return false;
          return value === undefined || (typeof value === 'string' && pattern.test(value));
        },
        defaultMessage(args: ValidationArguments) {
          const given = fields.filter((f) => (args.object as Record<string, unknown>)[f] !== undefined);
          if (given.length === 0) return `give one of ${fields.join(', ')}`;
          if (given.length > 1) return `give only one of ${fields.join(', ')}`;
          return `${args.property} must be ${format}`;
        },
      },
    });
}
