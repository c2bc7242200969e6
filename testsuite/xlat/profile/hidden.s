# A function reached only through a computed pointer, with no symbol and no FDE:
# discovery cannot find it, so the first translation runs it in the interpreter and
# FVP_PROFILE records it; fvp-xlat --profile then translates it too.
	.text
	.globl	_start
_start:
	lla	t0, .Lhidden
	li	a0, 10
	jalr	ra, t0, 0
	li	a7, 93		# exit(a0)
	ecall
.Lhang:				# exit does not return (discovery knows); the loop keeps
	j	.Lhang		# .Lhidden unreachable by fall-through even if it did not
.Lhidden:			# a0 = 10 + 9 + ... + 1 = 55
	li	t1, 0
.Lloop:
	add	t1, t1, a0
	addi	a0, a0, -1
	bnez	a0, .Lloop
	mv	a0, t1
	ret
