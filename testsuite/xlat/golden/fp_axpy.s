# fp_axpy(y, x, n, a): y[i] = a * x[i] + y[i] in double, then the last element
# cast to int (C cast: fcvt.w.d rtz) and compared with zero (flt.d).  Shows the
# inline FP of translator/llvm_fp.c: constrained fmul/fadd with the dynamic
# rounding mode, canonical NaN selects, the saturating fptosi and a signalling
# compare, and no helper calls.
	.text
	.globl	fp_axpy
	.type	fp_axpy, @function
fp_axpy:
	fmv.d.x	fa5, zero
	beqz	a2, 2f
1:	fld	fa4, 0(a1)
	fld	fa3, 0(a0)
	fmul.d	fa4, fa0, fa4
	fadd.d	fa4, fa4, fa3
	fsd	fa4, 0(a0)
	fmv.d	fa5, fa4
	addi	a0, a0, 8
	addi	a1, a1, 8
	addi	a2, a2, -1
	bnez	a2, 1b
2:	fcvt.w.d a0, fa5, rtz
	fmv.d.x	fa4, zero
	flt.d	a1, fa5, fa4
	add	a0, a0, a1
	ret
	.size	fp_axpy, .-fp_axpy
