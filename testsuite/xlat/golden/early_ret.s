# early_ret(x, y): a frame saved before the test of an early return, as RISC-V gcc lays out
# tak: the early return and the main one share the epilogue in the guest code; each gets its
# own copy (docs D66), so the early one stores the saved registers and loads none back.
# golden: early_ret
	.text
	.globl	early_ret
	.type	early_ret, @function
early_ret:
	addi	sp, sp, -32
	sd	ra, 24(sp)
	sd	s0, 16(sp)
	sd	s1, 8(sp)
	mv	s0, a0
	mv	s1, a1
	bge	a1, a0, .Lout
	mul	s0, s0, s1
	addi	s0, s0, 3
	mv	a0, s0
.Lout:
	ld	ra, 24(sp)
	ld	s0, 16(sp)
	ld	s1, 8(sp)
	addi	sp, sp, 32
	ret
	.size	early_ret, .-early_ret
