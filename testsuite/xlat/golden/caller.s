# caller(x) = callee(x) + 1 with callee(x) = 2 * x: a direct call (jal ra) with the return
# address saved on the stack, and the called function.
# golden: caller callee
	.text
	.globl	caller
	.type	caller, @function
caller:
	addi	sp, sp, -16
	sd	ra, 8(sp)
	jal	ra, callee
	addi	a0, a0, 1
	ld	ra, 8(sp)
	addi	sp, sp, 16
	ret
	.size	caller, .-caller

	.globl	callee
	.type	callee, @function
callee:
	slli	a0, a0, 1
	ret
	.size	callee, .-callee
