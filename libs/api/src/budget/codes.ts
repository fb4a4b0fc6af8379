/** An OPD code as the enrolment service writes it (DINKES, BPBD, DINAS-PUPR …). */
export const OPD_CODE = /^[A-Z0-9][A-Z0-9-]{1,63}$/;
export const PROGRAMME_ID = /^[a-z0-9][a-z0-9-]{2,63}$/;
export const COMPETENCY_AREA = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Rupiah above this are certainly a typing error (the city's whole APBD is a few trillion). */
export const MAX_RUPIAH = 1_000_000_000_000_000;
