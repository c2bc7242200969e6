define hidden range(i32 4, 10) i32 @fvp_100b0_loop_sum(ptr %cpu) local_unnamed_addr #0 {
start:
  %instret.p = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %instret.p, align 8
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8
  %1 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %1, align 8
  %2 = getelementptr inbounds i8, ptr %cpu, i64 120
  %x15 = load i64, ptr %2, align 8
  %pc.p21 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p21, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

b_100b0:                                          ; preds = %entry.switch
  %3 = icmp eq i64 %x10, 0
  br i1 %3, label %b_100bc, label %cont

b_100b6:                                          ; preds = %b_100b6.preheader, %taken36
  %x15.slot.061 = phi i64 [ %5, %taken36 ], [ %x15.slot.0.ph, %b_100b6.preheader ]
  %x10.slot.060 = phi i64 [ %4, %taken36 ], [ %x10.slot.0.ph, %b_100b6.preheader ]
  %instret.slot.059 = phi i64 [ %instret.n39, %taken36 ], [ %instret.slot.0.ph, %b_100b6.preheader ]
  %4 = add i64 %x15.slot.061, %x10.slot.060
  %5 = add i64 %x15.slot.061, -1
  %.not = icmp eq i64 %5, 0
  br i1 %.not, label %b_100bc, label %taken36

b_100bc:                                          ; preds = %b_100b6, %b_100b0
  %instret.slot.1.in = phi i64 [ %instret, %b_100b0 ], [ %9, %b_100b6 ]
  %x10.slot.1 = phi i64 [ 0, %b_100b0 ], [ %4, %b_100b6 ]
  %instret.slot.1 = add i64 %instret.slot.1.in, 3
  %6 = and i64 %x1, -2
  br label %exit

exit:                                             ; preds = %taken36, %loop_100b6.preheader, %start, %b_100bc
  %instret.slot.2 = phi i64 [ %instret, %start ], [ %instret.slot.1, %b_100bc ], [ %instret.slot.0.ph, %loop_100b6.preheader ], [ %instret.n39, %taken36 ]
  %x10.slot.2 = phi i64 [ %x10, %start ], [ %x10.slot.1, %b_100bc ], [ %x10.slot.0.ph, %loop_100b6.preheader ], [ %4, %taken36 ]
  %x15.slot.2 = phi i64 [ %x15, %start ], [ 0, %b_100bc ], [ %x15.slot.0.ph, %loop_100b6.preheader ], [ %5, %taken36 ]
  %exit.pc = phi i64 [ %pc, %start ], [ %6, %b_100bc ], [ 65718, %loop_100b6.preheader ], [ 65718, %taken36 ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %b_100bc ], [ 9, %loop_100b6.preheader ], [ 9, %taken36 ]
  %exit.count = phi i64 [ 0, %start ], [ 1, %b_100bc ], [ 0, %loop_100b6.preheader ], [ 0, %taken36 ]
  %instret.n = add i64 %exit.count, %instret.slot.2
  store i64 %instret.n, ptr %instret.p, align 8, !tbaa !5
  store i64 %x10.slot.2, ptr %1, align 8, !tbaa !5
  store i64 %x15.slot.2, ptr %2, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p21, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %cond = icmp eq i64 %pc, 65718
  br i1 %cond, label %loop_100b6.preheader, label %b_100b0

cont:                                             ; preds = %b_100b0
  %instret.n27 = add i64 %instret, 3
  br label %loop_100b6.preheader

loop_100b6.preheader:                             ; preds = %cont, %entry.switch
  %instret.slot.0.ph = phi i64 [ %instret.n27, %cont ], [ %instret, %entry.switch ]
  %x10.slot.0.ph = phi i64 [ 0, %cont ], [ %x10, %entry.switch ]
  %x15.slot.0.ph = phi i64 [ %x10, %cont ], [ %x15, %entry.switch ]
  %req2957 = load volatile i32, ptr %req.p, align 4
  %"stop?31.not58" = icmp eq i32 %req2957, 0
  br i1 %"stop?31.not58", label %b_100b6.preheader, label %exit

b_100b6.preheader:                                ; preds = %loop_100b6.preheader
  %7 = mul i64 %x15.slot.0.ph, 3
  %8 = add i64 %instret.slot.0.ph, %7
  %9 = add i64 %8, -3
  br label %b_100b6

taken36:                                          ; preds = %b_100b6
  %instret.n39 = add i64 %instret.slot.059, 3
  %req29 = load volatile i32, ptr %req.p, align 4
  %"stop?31.not" = icmp eq i32 %req29, 0
  br i1 %"stop?31.not", label %b_100b6, label %exit
}
