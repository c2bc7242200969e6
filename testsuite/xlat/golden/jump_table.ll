define hidden range(i32 4, 10) i32 @fvp_100b0_jump_table(ptr %cpu) local_unnamed_addr #0 {
start:
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %pc.p5 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p5, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %start.exit_crit_edge

start.exit_crit_edge:                             ; preds = %start
  %instret.p.phi.trans.insert = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret.pre = load i64, ptr %instret.p.phi.trans.insert, align 8
  br label %exit

b_100ca:                                          ; preds = %cont
  %0 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %0, align 8
  %1 = shl i64 %x11, 2
  store i64 %1, ptr %25, align 8
  %2 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %2, align 8
  %3 = and i64 %x1, -2
  br label %exit

b_100d0:                                          ; preds = %cont
  %4 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x1131 = load i64, ptr %4, align 8
  %5 = sub i64 0, %x1131
  store i64 %5, ptr %25, align 8
  %6 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x133 = load i64, ptr %6, align 8
  %7 = and i64 %x133, -2
  br label %exit

b_100d6:                                          ; preds = %cont
  %8 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x1134 = load i64, ptr %8, align 8
  %9 = add i64 %x1134, 1
  store i64 %9, ptr %25, align 8
  %10 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x136 = load i64, ptr %10, align 8
  %11 = and i64 %x136, -2
  br label %exit

b_100dc:                                          ; preds = %cont
  %12 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x1137 = load i64, ptr %12, align 8
  %13 = shl i64 %x1137, 1
  store i64 %13, ptr %x15, align 8
  %14 = mul i64 %x1137, 3
  store i64 %14, ptr %25, align 8
  %15 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x142 = load i64, ptr %15, align 8
  %16 = and i64 %x142, -2
  br label %exit

b_100e6:                                          ; preds = %cont
  %17 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x1143 = load i64, ptr %17, align 8
  %18 = add i64 %x1143, -7
  store i64 %18, ptr %25, align 8
  %19 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x145 = load i64, ptr %19, align 8
  %20 = and i64 %x145, -2
  br label %exit

b_100ec:                                          ; preds = %cont
  %21 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x1146 = load i64, ptr %21, align 8
  %22 = xor i64 %x1146, 85
  store i64 %22, ptr %25, align 8
  %23 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x148 = load i64, ptr %23, align 8
  %24 = and i64 %x148, -2
  br label %exit

exit:                                             ; preds = %start.exit_crit_edge, %cont, %taken, %b_100ec, %b_100e6, %b_100dc, %b_100d6, %b_100d0, %b_100ca
  %instret = phi i64 [ %instret.n29, %b_100ca ], [ %instret.n29, %b_100d0 ], [ %instret.n29, %b_100d6 ], [ %instret.n29, %b_100dc ], [ %instret.n29, %b_100e6 ], [ %instret.n29, %b_100ec ], [ %instret.n9, %taken ], [ %instret.pre, %start.exit_crit_edge ], [ %instret.n29, %cont ]
  %exit.pc = phi i64 [ %3, %b_100ca ], [ %7, %b_100d0 ], [ %11, %b_100d6 ], [ %16, %b_100dc ], [ %20, %b_100e6 ], [ %24, %b_100ec ], [ %28, %taken ], [ %pc, %start.exit_crit_edge ], [ %33, %cont ]
  %exit.reason = phi i32 [ 4, %b_100ca ], [ 4, %b_100d0 ], [ 4, %b_100d6 ], [ 4, %b_100dc ], [ 4, %b_100e6 ], [ 4, %b_100ec ], [ 4, %taken ], [ 9, %start.exit_crit_edge ], [ 5, %cont ]
  %exit.count = phi i64 [ 2, %b_100ca ], [ 2, %b_100d0 ], [ 2, %b_100d6 ], [ 3, %b_100dc ], [ 2, %b_100e6 ], [ 2, %b_100ec ], [ 2, %taken ], [ 0, %start.exit_crit_edge ], [ 0, %cont ]
  store i64 %exit.pc, ptr %pc.p5, align 8
  %instret.p = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret.n = add i64 %instret, %exit.count
  store i64 %instret.n, ptr %instret.p, align 8
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %x15 = getelementptr inbounds i8, ptr %cpu, i64 120
  store i64 5, ptr %x15, align 8
  %25 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %25, align 8
  %26 = icmp ugt i64 %x10, 5
  %instret.p7 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret8 = load i64, ptr %instret.p7, align 8
  %instret.n9 = add i64 %instret8, 2
  br i1 %26, label %taken, label %cont

taken:                                            ; preds = %entry.switch
  store i64 0, ptr %25, align 8
  %27 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x150 = load i64, ptr %27, align 8
  %28 = and i64 %x150, -2
  br label %exit

cont:                                             ; preds = %entry.switch
  store i64 %instret.n9, ptr %instret.p7, align 8
  %x14 = getelementptr inbounds i8, ptr %cpu, i64 112
  store i64 65784, ptr %x14, align 8
  %29 = shl nuw nsw i64 %x10, 2
  store i64 %29, ptr %25, align 8
  %30 = add nuw nsw i64 %29, 65784
  store i64 %30, ptr %x15, align 8
  store volatile i64 65732, ptr %pc.p5, align 8
  %host = getelementptr i8, ptr %mem_base, i64 %30
  %ld = load i32, ptr %host, align 1
  %31 = sext i32 %ld to i64
  %32 = add nsw i64 %31, 65784
  store i64 %32, ptr %x15, align 8
  %33 = and i64 %32, -2
  %instret.n29 = add i64 %instret8, 9
  switch i64 %33, label %exit [
    i64 65738, label %b_100ca
    i64 65744, label %b_100d0
    i64 65750, label %b_100d6
    i64 65756, label %b_100dc
    i64 65766, label %b_100e6
    i64 65772, label %b_100ec
  ]
}
