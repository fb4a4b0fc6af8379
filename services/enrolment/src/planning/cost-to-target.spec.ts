import { cheapestMix, costToTarget, currentMix, shortfallOf, type MixForm } from './cost-to-target';

// The worked examples of docs/planning/shortage-and-plan-vs-actual.md, computed there by hand.
const DEFAULTS: Record<MixForm, number> = { 'e-learning': 40_000, magang: 120_000, klasikal: 250_000 };
const jpOf = (mix: ReturnType<typeof cheapestMix>) => Object.fromEntries(mix.forms.map((f) => [f.form, f.jp]));

describe('the cost of bringing an OPD’s PNS to 20 JP', () => {
  describe('given Dinas Sosial’s four PNS with 0, 12, 20 and 26 JP credited in 2026', () => {
    const jpCredited = [0, 12, 20, 26];

    it('two are below target, 20 + 8 = 28 JP short; the one above 20 does not make up for the others', () => {
      expect(shortfallOf(jpCredited)).toEqual({ pns: 4, belowTarget: 2, jpShort: 28 });
    });

    it('at its current mix (2 × 1,500,000 for 24 JP + 300,000 for 10 JP = 3,300,000 / 58 JP) it costs 28 × 56,897', () => {
      const opd = { cost: 3_300_000, jp: 58 };
      const answer = costToTarget({ jpCredited, opd, city: { cost: 1, jp: 1 }, unitCosts: DEFAULTS });
      expect(answer.atCurrentMix).toEqual({ basis: 'opd', costPerJp: 56_897, rupiah: 1_593_116 });
    });

    it('the cheapest mix is 16 JP e-learning, 8 JP magang and 4 JP klasikal: 2,600,000', () => {
      const mix = cheapestMix(28, DEFAULTS);
      expect(mix.forms).toEqual([
        { form: 'e-learning', jp: 16, share: 16 / 28, costPerJp: 40_000, rupiah: 640_000 },
        { form: 'magang', jp: 8, share: 8 / 28, costPerJp: 120_000, rupiah: 960_000 },
        { form: 'klasikal', jp: 4, share: 4 / 28, costPerJp: 250_000, rupiah: 1_000_000 },
      ]);
      expect(mix.rupiah).toBe(2_600_000);
    });
  });

  describe('the current mix', () => {
    it('when the OPD enrolled nobody in the year, is the city’s (9,000,000 / 60 JP = 150,000)', () => {
      expect(currentMix({ cost: 0, jp: 0 }, { cost: 9_000_000, jp: 60 }, 250_000)).toEqual({
        basis: 'city',
        costPerJp: 150_000,
      });
    });
    it('when nobody in the city enrolled, is the klasikal unit cost', () => {
      expect(currentMix({ cost: 0, jp: 0 }, { cost: 0, jp: 0 }, 237_500)).toEqual({
        basis: 'klasikal',
        costPerJp: 237_500,
      });
    });
    it('rounds half a rupiah up (1,000,001 / 2 JP → 500,001)', () => {
      expect(currentMix({ cost: 1_000_001, jp: 2 }, { cost: 0, jp: 0 }, 1).costPerJp).toBe(500_001);
    });
  });

  describe('the cheapest mix', () => {
    it('for 30 JP gives klasikal exactly its 10 % (3 JP), not 4: the shares are whole-percent integer arithmetic', () => {
      const mix = cheapestMix(30, DEFAULTS);
      expect(jpOf(mix)).toEqual({ 'e-learning': 18, magang: 9, klasikal: 3 });
      expect(mix.rupiah).toBe(720_000 + 1_080_000 + 750_000);
    });
    it('for 5 JP rounds the minimum up and the maxima down: 3 e-learning, 1 magang, 1 klasikal = 490,000', () => {
      const mix = cheapestMix(5, DEFAULTS);
      expect(jpOf(mix)).toEqual({ 'e-learning': 3, magang: 1, klasikal: 1 });
      expect(mix.rupiah).toBe(490_000);
    });
    it('fills the cheapest form first whatever it is: magang 60,000 before e-learning 90,000 (10 JP → 820,000)', () => {
      const mix = cheapestMix(10, { 'e-learning': 90_000, magang: 60_000, klasikal: 100_000 });
      expect(jpOf(mix)).toEqual({ 'e-learning': 6, magang: 3, klasikal: 1 });
      expect(mix.rupiah).toBe(820_000);
    });
    it('when klasikal is the cheapest, it takes everything', () => {
      const mix = cheapestMix(10, { 'e-learning': 40_000, magang: 120_000, klasikal: 30_000 });
      expect(jpOf(mix)).toEqual({ 'e-learning': 0, magang: 0, klasikal: 10 });
      expect(mix.rupiah).toBe(300_000);
    });
    it('without a shortfall costs nothing, every share 0', () => {
      const mix = cheapestMix(0, DEFAULTS);
      expect(mix.rupiah).toBe(0);
      expect(mix.forms.map((f) => [f.jp, f.share])).toEqual([
        [0, 0],
        [0, 0],
        [0, 0],
      ]);
    });

    // The optimality argument of the greedy, checked by trying every whole-JP mix the limits allow.
    it.each([
      DEFAULTS,
      { 'e-learning': 90_000, magang: 60_000, klasikal: 100_000 },
      { 'e-learning': 40_000, magang: 300_000, klasikal: 250_000 },
      { 'e-learning': 70_000, magang: 70_000, klasikal: 70_000 },
    ])('is never dearer than any mix within the limits, for 0..60 JP (%o)', (costs) => {
      for (let j = 0; j <= 60; j++) {
        let best = Infinity;
        for (let e = 0; e * 100 <= 60 * j; e++)
          for (let m = 0; m * 100 <= 30 * j && e + m <= j; m++) {
            const k = j - e - m;
            if (k * 100 >= 10 * j)
              best = Math.min(best, e * costs['e-learning'] + m * costs.magang + k * costs.klasikal);
          }
        const mix = cheapestMix(j, costs);
        expect(mix.forms.reduce((a, f) => a + f.jp, 0)).toBe(j);
        expect(mix.rupiah).toBe(best);
      }
    });
  });
});
