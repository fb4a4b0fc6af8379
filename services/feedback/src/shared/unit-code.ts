export { UNIT_CODE, UNIT_CODE_MESSAGE } from '@kompeten/contracts';
