define hidden range(i32 4, 10) i32 @fvp_100b0_branch_max(ptr %cpu) local_unnamed_addr #0 {
start:
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

b_100b6:                                          ; preds = %entry.switch, %cont
  %.sink = phi i64 [ 2, %cont ], [ 1, %entry.switch ]
  %instret.n16 = add i64 %instret10, %.sink
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8
  %1 = and i64 %x1, -2
  br label %exit

exit:                                             ; preds = %start.exit_crit_edge, %b_100b6
  %instret = phi i64 [ %instret.n16, %b_100b6 ], [ %instret.pre, %start.exit_crit_edge ]
  %exit.pc = phi i64 [ %1, %b_100b6 ], [ %pc, %start.exit_crit_edge ]
  %exit.reason = phi i32 [ 4, %b_100b6 ], [ 9, %start.exit_crit_edge ]
  %exit.count = phi i64 [ 1, %b_100b6 ], [ 0, %start.exit_crit_edge ]
  store i64 %exit.pc, ptr %pc.p5, align 8
  %instret.p = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret.n = add i64 %instret, %exit.count
  store i64 %instret.n, ptr %instret.p, align 8
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %2 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %2, align 8
  %3 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %3, align 8
  %.not = icmp slt i64 %x10, %x11
  %instret.p9 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret10 = load i64, ptr %instret.p9, align 8
  br i1 %.not, label %cont, label %b_100b6

cont:                                             ; preds = %entry.switch
  store i64 %x11, ptr %2, align 8
  br label %b_100b6
}
