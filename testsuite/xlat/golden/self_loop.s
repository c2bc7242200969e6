# self_loop(depth, list): recursion on depth, and a walk down a linked list that loops back
# to the entry block.  The entry heads a polling loop (its exit is a loaded pointer), so the
# register-passing variant of the self-call (D34) checks exit_req once at its entry, in that
# loop's poll, not also in a function-entry check before it.
# golden: self_loop rec
	.text
	.globl	self_loop
	.type	self_loop, @function
self_loop:
	addi	sp, sp, -16
	sd	ra, 8(sp)
	sd	a1, 0(sp)
	beqz	a0, 1f
	addi	a0, a0, -1
	jal	ra, self_loop
	addi	a0, a0, 1
1:
	ld	a1, 0(sp)
	ld	ra, 8(sp)
	addi	sp, sp, 16
	ld	a1, 0(a1)
	bnez	a1, self_loop
	ret
	.size	self_loop, .-self_loop
