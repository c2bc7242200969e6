# add_ret(a, b) = a + b: the smallest function, one block ending in ret.
	.text
	.globl	add_ret
	.type	add_ret, @function
add_ret:
	add	a0, a0, a1
	ret
	.size	add_ret, .-add_ret
