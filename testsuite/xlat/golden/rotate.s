# rotate(x) = (ror32(x, 6) ^ ror32(x, 11)) + ror32(x, 25) (32-bit, addw): SHA-256 Sigma1-like, as gcc writes
# (x >> n) | (x << (32 - n)) on uint32_t (srliw/slliw/or).  LLVM recognises the rotates; on
# x86-64-v2 (the golden tests' --cpu, tuned "generic" as clang does, docs D41) they must be
# `ror`/`rol`, not the `shld r, r` of LLVM's Sandy Bridge tuning (slow on AMD).
# golden-asm: \b(rol|ror)l?\b
# golden-asm-not: \bshld
	.text
	.globl	rotate
	.type	rotate, @function
rotate:
	srliw	a5, a0, 6
	slliw	a4, a0, 26
	or	a5, a5, a4
	srliw	a3, a0, 11
	slliw	a2, a0, 21
	or	a3, a3, a2
	xor	a5, a5, a3
	srliw	a3, a0, 25
	slliw	a2, a0, 7
	or	a3, a3, a2
	addw	a0, a5, a3
	li	a2, 0		# the temporaries die here: only the 32-bit result is live
	li	a3, 0
	li	a4, 0
	li	a5, 0
	ret
	.size	rotate, .-rotate
