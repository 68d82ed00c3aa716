/**
 * A running factor real/estimated input tokens, from every call whose usage came back. The
 * estimate's bias is steady (how a model tokenises this corpus's words, prompt overheads
 * the service adds), so totals, not the last call alone, give the best factor.
 */
export class EstimateCorrection {
  private estimated = 0;
  private real = 0;

  /** 1 until a call reported its usage. */
  get factor(): number {
    return this.estimated > 0 && this.real > 0 ? this.real / this.estimated : 1;
  }

  /** The estimate scaled by what past calls showed, rounded up. */
  correct(estimate: number): number {
    return Math.ceil(estimate * this.factor);
  }

  observe(estimate: number, real: number): void {
    if (!(estimate > 0) || !(real >= 0)) return;
    this.estimated += estimate;
    this.real += real;
  }
}
