# instret_loop(n): the number of instructions a loop of n iterations retires, by rdinstret
# before and after it.  A program that reads instret keeps the exact count in translated
# code (docs D40): a count slot added to per block, brought up to date before the CSR read
# (the other goldens never read it and have none).
	.text
	.globl	instret_loop
	.type	instret_loop, @function
instret_loop:
	rdinstret	a1
1:	addi	a0, a0, -1
	bnez	a0, 1b
	rdinstret	a2
	sub	a0, a2, a1
	ret
	.size	instret_loop, .-instret_loop
