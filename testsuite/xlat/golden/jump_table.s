# jump_table(x, y): a dense switch as gcc -O2 emits it for RV64 (bounds check, lla of a
# table of 32-bit offsets relative to the table, lw + add + jr), six cases and a default.
	.text
	.globl	jump_table
	.type	jump_table, @function
jump_table:
	li	a5, 5
	bgtu	a0, a5, .Ldefault
	lla	a4, .Ltable
	slli	a0, a0, 2
	add	a5, a0, a4
	lw	a5, 0(a5)
	add	a5, a5, a4
	jr	a5
.Lcase4:
	slli	a0, a1, 2
	ret
.Lcase5:
	neg	a0, a1
	ret
.Lcase0:
	addi	a0, a1, 1
	ret
.Lcase1:
	slli	a5, a1, 1
	add	a0, a5, a1
	ret
.Lcase2:
	addi	a0, a1, -7
	ret
.Lcase3:
	xori	a0, a1, 85
	ret
.Ldefault:
	li	a0, 0
	ret
	.size	jump_table, .-jump_table

	.section .rodata
	.align	2
.Ltable:
	.word	.Lcase0 - .Ltable
	.word	.Lcase1 - .Ltable
	.word	.Lcase2 - .Ltable
	.word	.Lcase3 - .Ltable
	.word	.Lcase4 - .Ltable
	.word	.Lcase5 - .Ltable
