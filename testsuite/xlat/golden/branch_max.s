# branch_max(a, b): the signed maximum, through a forward conditional branch that
# splits the function into a diamond.
	.text
	.globl	branch_max
	.type	branch_max, @function
branch_max:
	bge	a0, a1, 1f
	mv	a0, a1
1:	ret
	.size	branch_max, .-branch_max
