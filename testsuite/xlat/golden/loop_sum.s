# loop_sum(n) = 1 + 2 + ... + n: a counted loop (backward conditional branch, phi-like
# accumulator), entered through a guard for n == 0.
	.text
	.globl	loop_sum
	.type	loop_sum, @function
loop_sum:
	mv	a5, a0
	li	a0, 0
	beqz	a5, 2f
1:	add	a0, a0, a5
	addi	a5, a5, -1
	bnez	a5, 1b
2:	ret
	.size	loop_sum, .-loop_sum
